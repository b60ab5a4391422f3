-- Review queue, its audit trail, host-reported activity and the job lease of the late analysis.
CREATE TABLE risk_case (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    screening_id     VARCHAR(36),
    campaign_id      BIGINT       NOT NULL,
    referrer_user_id VARCHAR(64)  NOT NULL,
    invitee_user_id  VARCHAR(64)  NOT NULL,
    source           VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    score            INT          NOT NULL,
    rule_ids         VARCHAR(500) NOT NULL,
    evidence         TEXT         NOT NULL,
    opened_at        DATETIME(3)  NOT NULL,
    decided_by       VARCHAR(64),
    decided_at       DATETIME(3)  NULL,
    note             VARCHAR(1000),
    CONSTRAINT uk_risk_case_invitee UNIQUE (campaign_id, invitee_user_id, source)
);
CREATE INDEX ix_risk_case_status ON risk_case (status, campaign_id, score);

CREATE TABLE risk_case_audit (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id  BIGINT        NOT NULL,
    action   VARCHAR(32)   NOT NULL,
    actor    VARCHAR(64)   NOT NULL,
    note     VARCHAR(1000),
    acted_at DATETIME(3)   NOT NULL
);
CREATE INDEX ix_risk_case_audit_case ON risk_case_audit (case_id, id);

CREATE TABLE risk_activity (
    user_id      VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    occurred_at  DATETIME(3)  NOT NULL,
    campaign_id  BIGINT,
    reported_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id, kind, occurred_at)
);

CREATE TABLE risk_job_lock (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    locked_until DATETIME(3)  NOT NULL,
    locked_by    VARCHAR(128) NOT NULL
);
INSERT INTO risk_job_lock (name, locked_until, locked_by) VALUES ('late-analysis', '2000-01-01 00:00:00', '-');
