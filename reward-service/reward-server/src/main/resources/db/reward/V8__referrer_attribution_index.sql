-- Milestones count a referrer's attributions that are not revoked: read under the referrer's tally lock.
CREATE INDEX ix_attribution_referrer ON attribution (campaign_id, referrer_user_id, status);
