-- Refunds that arrived on the order topic before their order (the host's events are not ordered across topics and
-- retries): kept here, with their event, and applied in the transaction that records the order. One that cannot be
-- applied then (more than the order, or its id reported for another order) stays with the reason, for operations.
CREATE TABLE early_refund (
    refund_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    order_id      VARCHAR(64)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    refunded_at   DATETIME(3)  NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,
    parked_at     DATETIME(3)  NOT NULL,
    refused       VARCHAR(500)
);
CREATE INDEX ix_early_refund_order ON early_refund (order_id);
