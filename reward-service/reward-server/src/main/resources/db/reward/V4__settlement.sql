-- Settlement: finance collects a campaign's AVAILABLE cash rewards into a batch of per-user statement lines, has it
-- approved by a second person, then confirms the payout. A reward belongs to at most one open batch
-- (reward.settlement_batch_id, claimed by a conditional UPDATE).

CREATE TABLE settlement_batch (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id         BIGINT        NOT NULL,
    period_from         DATETIME(3)   NOT NULL,
    period_to           DATETIME(3)   NOT NULL,
    min_payout_fen      BIGINT        NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    line_count          BIGINT        NOT NULL DEFAULT 0,
    total_fen           BIGINT        NOT NULL DEFAULT 0,
    reward_count        BIGINT        NOT NULL DEFAULT 0,
    carried_over_users  BIGINT        NOT NULL DEFAULT 0,
    job_run_id          BIGINT        NULL,
    note                VARCHAR(512)  NULL,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    submitted_by        VARCHAR(64)   NULL,
    submitted_at        DATETIME(3)   NULL,
    approved_by         VARCHAR(64)   NULL,
    approved_at         DATETIME(3)   NULL,
    rejected_by         VARCHAR(64)   NULL,
    rejected_at         DATETIME(3)   NULL,
    paid_by             VARCHAR(64)   NULL,
    paid_at             DATETIME(3)   NULL,
    updated_at          DATETIME(3)   NOT NULL
);
CREATE INDEX ix_settlement_batch_campaign ON settlement_batch (campaign_id, id);

-- One line per user and batch: the net of the user's collected rewards (adjustments included), in fen.
CREATE TABLE settlement_line (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id      BIGINT       NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    reward_count  BIGINT       NOT NULL,
    CONSTRAINT uk_settlement_line_user UNIQUE (batch_id, user_id)
);

-- Collecting walks a campaign's unbatched rewards by id (keyset chunks), from this index alone; claimed rows leave
-- the settlement_batch_id IS NULL range.
CREATE INDEX ix_reward_collect ON reward (campaign_id, kind, status, settlement_batch_id, id, released_at);
