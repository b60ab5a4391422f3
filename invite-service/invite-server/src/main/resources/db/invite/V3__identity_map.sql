-- The identity map: the first user that showed each identifier (phones as keyed hashes only).
CREATE TABLE identity_link (
    kind          VARCHAR(16)  NOT NULL,
    id_key        VARCHAR(128) NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    first_seen_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (kind, id_key)
);
CREATE INDEX ix_identity_link_user ON identity_link (user_id);

-- Users the host reported as registered, since when, and their masked phone (138****1234) for display.
CREATE TABLE known_user (
    user_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    registered_at DATETIME(3) NOT NULL,
    masked_phone  VARCHAR(16)
);

ALTER TABLE campaign ADD COLUMN binding_mode VARCHAR(24) NOT NULL DEFAULT 'FIRST_TOUCH';
