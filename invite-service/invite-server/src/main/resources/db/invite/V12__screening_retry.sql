-- Registrations held PENDING_REVIEW because screening did not answer (antifraud down, slow, 429, breaker open): the
-- screening request as it was, kept until antifraud-service answers it, so every held referral is screened in the end.
CREATE TABLE screening_retry (
    referral_id     BIGINT       NOT NULL PRIMARY KEY,
    request         TEXT         NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    last_error      VARCHAR(500),
    created_at      DATETIME(3)  NOT NULL
);
CREATE INDEX ix_screening_retry_due ON screening_retry (next_attempt_at);
