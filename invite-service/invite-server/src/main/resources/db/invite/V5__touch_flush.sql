-- Each batch of touch counts moved from Redis carries a token, written with its counts, so a batch is applied once.
CREATE TABLE touch_flush (
    token       VARCHAR(36) NOT NULL PRIMARY KEY,
    campaign_id BIGINT      NOT NULL,
    flushed_at  DATETIME(3) NOT NULL
);
