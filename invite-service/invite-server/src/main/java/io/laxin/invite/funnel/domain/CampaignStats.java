package io.laxin.invite.funnel.domain;

/**
 * The campaign's counts, share → touch → register → attributed, plus rewards issued.
 *
 * @param touches       every counted opening of a share link (HEAD requests and crawlers excluded)
 * @param uniqueTouches openings by a visitor who had not opened the same code within the hour
 * @param registrations every reported registration with a code of this campaign, whatever its outcome
 * @param rewardsIssued null when reward-service could not be asked
 */
public record CampaignStats(
        long campaignId,
        long touches,
        long uniqueTouches,
        long registrations,
        long attributed,
        long pendingReview,
        long rejected,
        Long rewardsIssued) {}
