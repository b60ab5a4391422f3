-- Rule settings per campaign (campaign 0 = global), decision thresholds, black/whitelists and their audit trail.
CREATE TABLE risk_rule_setting (
    campaign_id BIGINT       NOT NULL,
    rule_id     VARCHAR(40)  NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    weight      INT          NOT NULL,
    threshold   BIGINT       NOT NULL,
    params      VARCHAR(500),
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (campaign_id, rule_id)
);

CREATE TABLE risk_decision_threshold (
    campaign_id BIGINT      NOT NULL PRIMARY KEY,
    review_at   INT         NOT NULL,
    reject_at   INT         NOT NULL,
    updated_by  VARCHAR(64) NOT NULL,
    updated_at  DATETIME(3) NOT NULL
);

CREATE TABLE risk_config_audit (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT        NOT NULL,
    subject     VARCHAR(80)   NOT NULL,
    old_value   VARCHAR(1000),
    new_value   VARCHAR(1000),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(3)   NOT NULL
);
CREATE INDEX ix_risk_config_audit_campaign ON risk_config_audit (campaign_id, id);

CREATE TABLE risk_list_entry (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    list_kind     VARCHAR(8)   NOT NULL,
    subject_type  VARCHAR(16)  NOT NULL,
    subject_value VARCHAR(128) NOT NULL,
    reason        VARCHAR(500),
    expires_at    DATETIME(3)  NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    removed_at    DATETIME(3)  NULL
);

-- what the late analysis groups by, as columns (older rows keep them NULL; their inputs JSON still has them)
ALTER TABLE screening ADD COLUMN invitee_device_id VARCHAR(128) NULL;
ALTER TABLE screening ADD COLUMN ip VARCHAR(128) NULL;
ALTER TABLE screening ADD COLUMN subnet24 VARCHAR(32) NULL;
ALTER TABLE screening ADD COLUMN registered_at DATETIME(3) NULL;
CREATE INDEX ix_screening_referrer ON screening (campaign_id, referrer_user_id);
CREATE INDEX ix_screening_registered ON screening (registered_at);
