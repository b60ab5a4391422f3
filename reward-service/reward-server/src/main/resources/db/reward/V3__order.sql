-- Orders the host reports paid, qualifying for cashback or not (outcome says why not), for finance.
-- order_id is the business key: an order reported over HTTP and again on the topic is stored (and paid) once.
CREATE TABLE host_order (
    order_id          VARCHAR(64)  PRIMARY KEY,
    buyer_user_id     VARCHAR(64)  NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    paid_at           DATETIME(3)  NOT NULL,
    referral_id       BIGINT       NULL,
    campaign_id       BIGINT       NULL,
    outcome           VARCHAR(24)  NOT NULL,
    qualifying_nth    INT          NULL,
    cashback_fen      BIGINT       NOT NULL,
    refunded_fen      BIGINT       NOT NULL,
    source_event_id   VARCHAR(64)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL
);
CREATE INDEX ix_host_order_buyer ON host_order (buyer_user_id, paid_at);
CREATE INDEX ix_host_order_referral ON host_order (referral_id);

-- Refunds of those orders; refund_id is the business key. The order row's refunded_fen is their sum.
CREATE TABLE order_refund (
    refund_id           VARCHAR(64)  PRIMARY KEY,
    order_id            VARCHAR(64)  NOT NULL,
    amount_fen          BIGINT       NOT NULL,
    refunded_at         DATETIME(3)  NOT NULL,
    cashback_taken_fen  BIGINT       NOT NULL,
    source_event_id     VARCHAR(64)  NOT NULL,
    created_at          DATETIME(3)  NOT NULL
);
CREATE INDEX ix_order_refund_order ON order_refund (order_id);

-- One row per attribution, locked while an order is counted, so two concurrent orders cannot both be the Kth.
CREATE TABLE order_tally (
    referral_id  BIGINT  PRIMARY KEY,
    qualifying   INT     NOT NULL
);

-- An adjustment's source event id is the cause's key, "refund:" + a refund id of up to 64 characters.
ALTER TABLE reward MODIFY COLUMN source_event_id VARCHAR(96) NOT NULL;
