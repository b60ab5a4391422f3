CREATE TABLE screening (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    campaign_id      BIGINT       NOT NULL,
    referrer_user_id VARCHAR(64)  NOT NULL,
    invitee_user_id  VARCHAR(64)  NOT NULL,
    verdict          VARCHAR(16)  NOT NULL,
    score            INT          NOT NULL,
    reasons          TEXT         NOT NULL,
    inputs           TEXT         NOT NULL,
    decided_at       DATETIME(3) NOT NULL
);
CREATE INDEX ix_screening_campaign ON screening (campaign_id, decided_at);
CREATE INDEX ix_screening_invitee ON screening (invitee_user_id);
