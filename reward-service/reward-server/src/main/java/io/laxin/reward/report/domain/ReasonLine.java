package io.laxin.reward.report.domain;

/**
 * Rewards REFUSED (never granted: budget, caps, a prior fraud verdict) or REVOKED (voided: fraud, refund) for one
 * reason, with what they were worth when issued: what screening and caps saved.
 */
public record ReasonLine(String status, String reason, ByKind worth) {}
