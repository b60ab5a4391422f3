-- Messages a consumer gave up on (poison, or failing on the last allowed attempt), kept for operations to see and
-- replay (kernel MessageDelivery, ParkedMessagesController). Repeatable and idempotent rather than versioned: the
-- kernel's versions sit below every service's own, so a new versioned kernel script would be refused by Flyway's
-- validation on each database that has already run the service's later versions.
CREATE TABLE IF NOT EXISTS parked_message (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    consumer       VARCHAR(128)  NOT NULL,
    topic          VARCHAR(128)  NOT NULL,
    tags           VARCHAR(128),
    message_keys   VARCHAR(255),
    msg_id         VARCHAR(128),
    event_id       VARCHAR(64),
    body           MEDIUMTEXT    NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    attempts       INT           NOT NULL,
    parked_at      DATETIME(3)   NOT NULL,
    replayed_at    DATETIME(3)   NULL,
    replay_outcome VARCHAR(16),
    -- also the index of the listing by consumer
    CONSTRAINT uk_parked_message_msg UNIQUE (consumer, msg_id)
);
