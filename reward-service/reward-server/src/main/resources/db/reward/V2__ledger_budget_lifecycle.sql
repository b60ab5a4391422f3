-- Rewards get a lifecycle, a source and a budget charge; every movement is a balanced ledger posting.

ALTER TABLE reward ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'REFERRAL';
ALTER TABLE reward ADD COLUMN coupon_template_id BIGINT NULL;
ALTER TABLE reward ADD COLUMN issued_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reward ADD COLUMN cost_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reward ADD COLUMN status_reason VARCHAR(64) NULL;
ALTER TABLE reward ADD COLUMN order_id VARCHAR(64) NULL;
ALTER TABLE reward ADD COLUMN adjusts_reward_id BIGINT NULL;
ALTER TABLE reward ADD COLUMN settlement_batch_id BIGINT NULL;
ALTER TABLE reward ADD COLUMN released_at DATETIME(3) NULL;
ALTER TABLE reward ADD COLUMN revoked_at DATETIME(3) NULL;
ALTER TABLE reward ADD COLUMN settled_at DATETIME(3) NULL;
ALTER TABLE reward ADD COLUMN paid_at DATETIME(3) NULL;
ALTER TABLE reward ADD COLUMN version INT NOT NULL DEFAULT 0;
UPDATE reward SET coupon_template_id = amount, amount = 1 WHERE kind = 'COUPON';
UPDATE reward SET issued_amount = amount;
CREATE INDEX ix_reward_referral ON reward (referral_id);
CREATE INDEX ix_reward_settle ON reward (campaign_id, kind, status, released_at);
CREATE INDEX ix_reward_batch ON reward (settlement_batch_id, user_id);

-- Double-entry ledger. Immutable: rows are only ever inserted; a correction is a reversing posting.
-- amount > 0 is a debit, < 0 a credit; the lines of one posting sum to zero per unit.
CREATE TABLE ledger_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    posting_id      VARCHAR(96)  NOT NULL,
    line_no         INT          NOT NULL,
    posting_type    VARCHAR(24)  NOT NULL,
    account         VARCHAR(24)  NOT NULL,
    campaign_id     BIGINT       NOT NULL,
    user_id         VARCHAR(64)  NULL,
    reward_id       BIGINT       NULL,
    reference       VARCHAR(96)  NULL,
    unit            VARCHAR(8)   NOT NULL,
    amount          BIGINT       NOT NULL,
    memo            VARCHAR(128) NULL,
    created_at      DATETIME(3)  NOT NULL,
    CONSTRAINT uk_ledger_posting_line UNIQUE (posting_id, line_no)
);
CREATE INDEX ix_ledger_reward ON ledger_entry (reward_id);
CREATE INDEX ix_ledger_account_user ON ledger_entry (account, user_id);
CREATE INDEX ix_ledger_campaign ON ledger_entry (campaign_id, created_at);

-- What reward-service knows of each attribution: the policy it was decided under, for milestones, cashback and
-- revocation later.
CREATE TABLE attribution (
    referral_id       BIGINT       PRIMARY KEY,
    campaign_id       BIGINT       NOT NULL,
    referrer_user_id  VARCHAR(64)  NOT NULL,
    invitee_user_id   VARCHAR(64)  NOT NULL,
    policy_version    INT          NOT NULL,
    policy            TEXT         NOT NULL,
    attributed_at     DATETIME(3)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    status_reason     VARCHAR(64)  NULL,
    created_at        DATETIME(3)  NOT NULL
);
CREATE INDEX ix_attribution_invitee ON attribution (invitee_user_id, attributed_at);
CREATE INDEX ix_attribution_campaign_invitee ON attribution (campaign_id, invitee_user_id);

-- One row per (campaign, referrer), locked while that referrer's rewards are decided: milestones and caps
-- are counted under this lock, so concurrent deliveries cannot both take the last slot.
CREATE TABLE referrer_tally (
    campaign_id  BIGINT      NOT NULL,
    user_id      VARCHAR(64) NOT NULL,
    attributed   INT         NOT NULL,
    PRIMARY KEY (campaign_id, user_id)
);

-- The campaign budget in fen; used_fen only grows by a conditional update that cannot pass budget_fen.
CREATE TABLE campaign_budget (
    campaign_id     BIGINT      PRIMARY KEY,
    budget_fen      BIGINT      NULL,
    used_fen        BIGINT      NOT NULL,
    policy_version  INT         NOT NULL,
    updated_at      DATETIME(3) NOT NULL
);

-- A fraud REJECT for an invitee; also stops rewards whose attribution arrives after the verdict.
CREATE TABLE risk_block (
    campaign_id      BIGINT       NOT NULL,
    invitee_user_id  VARCHAR(64)  NOT NULL,
    reason           VARCHAR(64)  NOT NULL,
    event_id         VARCHAR(64)  NOT NULL,
    blocked_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (campaign_id, invitee_user_id)
);

-- Long jobs (release, settlement, exports) and their progress.
CREATE TABLE job_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job          VARCHAR(32)  NOT NULL,
    subject      VARCHAR(96)  NULL,
    status       VARCHAR(16)  NOT NULL,
    total        BIGINT       NOT NULL,
    done         BIGINT       NOT NULL,
    summary      TEXT         NULL,
    started_by   VARCHAR(64)  NULL,
    started_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL
);
CREATE INDEX ix_job_run_job ON job_run (job, started_at);
