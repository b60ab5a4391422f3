-- Vanity codes are 4-16 characters. Codes are stored in canonical upper case, and unique whatever their case and the
-- database's collation: code_key (the upper-cased code) is unique too.
ALTER TABLE invite_code MODIFY code VARCHAR(16) NOT NULL;
ALTER TABLE invite_code ADD COLUMN code_key VARCHAR(16) GENERATED ALWAYS AS (UPPER(code));
ALTER TABLE invite_code ADD CONSTRAINT uk_invite_code_key UNIQUE (code_key);
ALTER TABLE referral MODIFY invite_code VARCHAR(16) NOT NULL;

-- Requests for vanity codes: PENDING until an operator approves (the code becomes the user's ACTIVE code) or rejects.
-- At most one PENDING request per code, and per (campaign, user): the generated columns are NULL once decided.
CREATE TABLE vanity_request (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id  BIGINT      NOT NULL,
    user_id      VARCHAR(64) NOT NULL,
    code         VARCHAR(16) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    requested_by VARCHAR(64) NOT NULL,
    requested_at DATETIME(3) NOT NULL,
    decided_by   VARCHAR(64),
    decided_at   DATETIME(3),
    note         VARCHAR(500),
    pending_code VARCHAR(16) GENERATED ALWAYS AS (CASE WHEN status = 'PENDING' THEN UPPER(code) END),
    pending_user VARCHAR(64) GENERATED ALWAYS AS (CASE WHEN status = 'PENDING' THEN user_id END),
    CONSTRAINT uk_vanity_request_pending_code UNIQUE (pending_code),
    CONSTRAINT uk_vanity_request_pending_user UNIQUE (campaign_id, pending_user)
);
CREATE INDEX ix_vanity_request_campaign ON vanity_request (campaign_id, status, id);
CREATE INDEX ix_vanity_request_user ON vanity_request (campaign_id, user_id);
