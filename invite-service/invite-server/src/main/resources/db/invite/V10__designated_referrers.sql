-- Who may refer: EVERYONE (default) or only the DESIGNATED users listed in designated_referrer.
ALTER TABLE campaign ADD COLUMN referrers VARCHAR(16) NOT NULL DEFAULT 'EVERYONE';
CREATE TABLE designated_referrer (
    campaign_id BIGINT      NOT NULL,
    user_id     VARCHAR(64) NOT NULL,
    added_at    DATETIME(3) NOT NULL,
    added_by    VARCHAR(64) NOT NULL,
    PRIMARY KEY (campaign_id, user_id)
);
