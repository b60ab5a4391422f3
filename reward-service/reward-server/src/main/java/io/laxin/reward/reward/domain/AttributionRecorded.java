package io.laxin.reward.reward.domain;

/**
 * reward-service learnt of an attribution and issued its rewards (published in-process, inside that transaction), so
 * other features can act on it at once — the buyer's orders that came before the attribution's event get their
 * cashback.
 */
public record AttributionRecorded(Attribution attribution) {}
