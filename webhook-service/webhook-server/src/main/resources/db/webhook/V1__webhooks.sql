-- webhook-service: the brand's endpoints, the events they are sent, one delivery per (endpoint, event), every attempt.
CREATE TABLE webhook_endpoint (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    url                   VARCHAR(2048) NOT NULL,
    description           VARCHAR(500),
    -- comma-separated webhook event types (referral.attributed,reward.released,…)
    event_types           VARCHAR(1000) NOT NULL,
    secret                VARCHAR(100)  NOT NULL,
    -- after a rotation the old secret also signs until previous_secret_until, so receivers can switch without a gap
    previous_secret       VARCHAR(100),
    previous_secret_until DATETIME(3),
    enabled               BOOLEAN       NOT NULL,
    disabled_reason       VARCHAR(500),
    disabled_at           DATETIME(3),
    -- failed attempts in a row across all its deliveries; any success resets it
    consecutive_failures  INT           NOT NULL DEFAULT 0,
    created_by            VARCHAR(64)   NOT NULL,
    created_at            DATETIME(3)   NOT NULL,
    updated_at            DATETIME(3)   NOT NULL
);

CREATE TABLE webhook_event (
    event_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    event_type  VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(3)  NOT NULL,
    -- the exact body every endpoint is sent: {"id","type","occurredAt","data"}
    body        MEDIUMTEXT   NOT NULL,
    received_at DATETIME(3)  NOT NULL
);

CREATE TABLE webhook_delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    endpoint_id     BIGINT      NOT NULL,
    event_id        VARCHAR(64) NOT NULL,
    event_type      VARCHAR(64) NOT NULL,
    -- PENDING (to send or retry), DELIVERED (a 2xx came back), DEAD (retries used up; redeliver to try again)
    status          VARCHAR(16) NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    -- attempts since it was (re)queued; DEAD when it reaches laxin.webhook.retry.max-attempts
    round_attempts  INT         NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL,
    -- a dispatcher's claim: nobody else sends it until lease_until; a claim whose holder died simply expires
    lease_until     DATETIME(3),
    claim_token     VARCHAR(36),
    last_response_code INT,
    last_error      VARCHAR(500),
    created_at      DATETIME(3) NOT NULL,
    delivered_at    DATETIME(3),
    CONSTRAINT uk_webhook_delivery_endpoint_event UNIQUE (endpoint_id, event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);

CREATE TABLE webhook_attempt (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    delivery_id    BIGINT        NOT NULL,
    attempt_no     INT           NOT NULL,
    attempted_at   DATETIME(3)   NOT NULL,
    latency_ms     BIGINT        NOT NULL,
    response_code  INT,
    -- the first 1 KB of the response body
    response_body  VARCHAR(1100),
    error          VARCHAR(500),
    CONSTRAINT uk_webhook_attempt UNIQUE (delivery_id, attempt_no)
);
