CREATE TABLE campaign (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                    VARCHAR(100) NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    starts_at               DATETIME(3) NOT NULL,
    ends_at                 DATETIME(3) NOT NULL,
    attribution_window_days INT          NOT NULL,
    landing_url             VARCHAR(500) NOT NULL,
    referrer_reward_kind    VARCHAR(16)  NOT NULL,
    referrer_reward_amount  BIGINT       NOT NULL,
    invitee_reward_kind     VARCHAR(16)  NOT NULL,
    invitee_reward_amount   BIGINT       NOT NULL,
    hold_days               INT          NOT NULL,
    policy_version          INT          NOT NULL,
    created_by              VARCHAR(64)  NOT NULL,
    created_at              DATETIME(3) NOT NULL
);

CREATE TABLE invite_code (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT       NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    code        VARCHAR(8)   NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    CONSTRAINT uk_invite_code_user UNIQUE (campaign_id, user_id),
    CONSTRAINT uk_invite_code_code UNIQUE (code)
);

CREATE TABLE touch (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT       NOT NULL,
    code        VARCHAR(8)   NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    ip          VARCHAR(45),
    user_agent  VARCHAR(255),
    device_id   VARCHAR(128),
    touched_at  DATETIME(3) NOT NULL
);
CREATE INDEX ix_touch_campaign ON touch (campaign_id, touched_at);

CREATE TABLE referral (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id       BIGINT        NOT NULL,
    referrer_user_id  VARCHAR(64)   NOT NULL,
    invitee_user_id   VARCHAR(64)   NOT NULL,
    invite_code       VARCHAR(8)    NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    reasons           VARCHAR(2000) NOT NULL,
    screening_id      VARCHAR(36),
    policy_version    INT           NOT NULL,
    invitee_device_id VARCHAR(128),
    ip                VARCHAR(45),
    registered_at     DATETIME(3)  NOT NULL,
    decided_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uk_referral_invitee UNIQUE (campaign_id, invitee_user_id)
);
CREATE INDEX ix_referral_status ON referral (campaign_id, status);
CREATE INDEX ix_referral_referrer ON referral (referrer_user_id);
