-- A code can be revoked (and the user reissued a fresh one) or retired (replaced by an approved vanity code; it still
-- resolves). At most one ACTIVE code per (campaign, user): active_user_id is the user id while the code is ACTIVE and
-- NULL otherwise, and (campaign_id, active_user_id) is unique (NULLs never collide).
ALTER TABLE invite_code ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE invite_code ADD COLUMN revoked_at DATETIME(3);
ALTER TABLE invite_code ADD COLUMN revoked_by VARCHAR(64);
ALTER TABLE invite_code ADD COLUMN revoked_reason VARCHAR(500);
ALTER TABLE invite_code ADD COLUMN active_user_id VARCHAR(64)
    GENERATED ALWAYS AS (CASE WHEN status = 'ACTIVE' THEN user_id END);
ALTER TABLE invite_code DROP INDEX uk_invite_code_user;
ALTER TABLE invite_code ADD CONSTRAINT uk_invite_code_active UNIQUE (campaign_id, active_user_id);
CREATE INDEX ix_invite_code_user ON invite_code (campaign_id, user_id);
