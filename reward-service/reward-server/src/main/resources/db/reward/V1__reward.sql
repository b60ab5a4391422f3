CREATE TABLE reward (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id     BIGINT       NOT NULL,
    referral_id     BIGINT       NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    beneficiary     VARCHAR(16)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    amount          BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    release_at      DATETIME(3) NOT NULL,
    business_key    VARCHAR(128) NOT NULL,
    source_event_id VARCHAR(64)  NOT NULL,
    policy_version  INT          NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    CONSTRAINT uk_reward_business_key UNIQUE (business_key)
);
CREATE INDEX ix_reward_user ON reward (user_id, id);
CREATE INDEX ix_reward_campaign ON reward (campaign_id, status);
CREATE INDEX ix_reward_release ON reward (status, release_at);
