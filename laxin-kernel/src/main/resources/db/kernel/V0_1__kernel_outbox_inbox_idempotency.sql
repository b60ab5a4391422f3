-- Shared by every service schema: transactional outbox, processed-event guard, idempotency keys.
CREATE TABLE outbox_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL,
    topic       VARCHAR(128) NOT NULL,
    tag         VARCHAR(64)  NOT NULL,
    shard_key   VARCHAR(128),
    payload     TEXT         NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    sent_at     DATETIME(3) NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(500),
    CONSTRAINT uk_outbox_event_id UNIQUE (event_id)
);
CREATE INDEX ix_outbox_unsent ON outbox_event (sent_at, id);

CREATE TABLE processed_event (
    consumer     VARCHAR(128) NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    processed_at DATETIME(3) NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE idempotency_record (
    scope        VARCHAR(128) NOT NULL,
    idem_key     VARCHAR(64)  NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    response     TEXT,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
