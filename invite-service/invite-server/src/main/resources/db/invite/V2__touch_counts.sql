-- Touches are counted (Redis on the hot path, flushed in batches), no longer stored one row per request.
DROP TABLE touch;
CREATE TABLE touch_count (
    campaign_id  BIGINT      NOT NULL,
    count_day    DATE        NOT NULL,
    channel      VARCHAR(16) NOT NULL,
    raw_count    BIGINT      NOT NULL,
    unique_count BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, count_day, channel)
);
