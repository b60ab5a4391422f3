-- Issue 14 item 13: a device's first and latest token-bound touch per campaign decide who brought whom (ADR 0005), so
-- they are kept here too, not only in Redis. Written on the share-link path (one upsert that keeps first_* and moves
-- last_* forward); read when Redis has nothing or does not answer; deleted in batches once past expires_at
-- (last_at + the campaign's attribution window).
CREATE TABLE device_touch (
    campaign_id   BIGINT      NOT NULL,
    device_id     VARCHAR(64) NOT NULL,
    first_code    VARCHAR(16) NOT NULL,
    first_channel VARCHAR(16) NOT NULL,
    first_at      DATETIME(3) NOT NULL,
    last_code     VARCHAR(16) NOT NULL,
    last_channel  VARCHAR(16) NOT NULL,
    last_at       DATETIME(3) NOT NULL,
    expires_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (campaign_id, device_id)
);
CREATE INDEX device_touch_expires ON device_touch (expires_at);
