-- The reward policy versions this service pays under (ADR 0006), each read once from invite-service
-- (GET /internal/campaigns/{id}/policies/{version}) and kept: versions are immutable, and the referral events name
-- the version only. policy is invite-api's RewardPolicyDTO JSON as invite-service answered it.
CREATE TABLE campaign_policy (
    campaign_id    BIGINT       NOT NULL,
    policy_version INT          NOT NULL,
    policy         TEXT         NOT NULL,
    fetched_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (campaign_id, policy_version)
);
