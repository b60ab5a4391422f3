-- The screening row is the durable record of what the Redis velocity counters and identity memory hold (ADR 0009):
-- when Redis lost them, the counters of a live window and the identities are rebuilt from these columns. The
-- identities become columns (older rows: copied from their inputs JSON below), and each key the counters use gets an
-- index that ends with registered_at, so a window is one index range.
ALTER TABLE screening ADD COLUMN invitee_phone_hash VARCHAR(128) NULL;
ALTER TABLE screening ADD COLUMN invitee_openid VARCHAR(128) NULL;
ALTER TABLE screening ADD COLUMN invitee_unionid VARCHAR(128) NULL;
-- when the host says the openid was first seen (NULL: not reported; the registration time counts)
ALTER TABLE screening ADD COLUMN invitee_openid_first_seen_at DATETIME(3) NULL;

-- one pass over the table; Jackson wrote the inputs without spaces, and ids / hashes hold no quotes
UPDATE screening SET
    invitee_phone_hash = CASE WHEN inputs LIKE '%"inviteePhoneHash":"%' THEN SUBSTRING(inputs, LOCATE('"inviteePhoneHash":"', inputs) + 20,
        LEAST(128, LOCATE('"', inputs, LOCATE('"inviteePhoneHash":"', inputs) + 20) - LOCATE('"inviteePhoneHash":"', inputs) - 20)) END,
    invitee_openid = CASE WHEN inputs LIKE '%"inviteeOpenid":"%' THEN SUBSTRING(inputs, LOCATE('"inviteeOpenid":"', inputs) + 17,
        LEAST(128, LOCATE('"', inputs, LOCATE('"inviteeOpenid":"', inputs) + 17) - LOCATE('"inviteeOpenid":"', inputs) - 17)) END,
    invitee_unionid = CASE WHEN inputs LIKE '%"inviteeUnionid":"%' THEN SUBSTRING(inputs, LOCATE('"inviteeUnionid":"', inputs) + 18,
        LEAST(128, LOCATE('"', inputs, LOCATE('"inviteeUnionid":"', inputs) + 18) - LOCATE('"inviteeUnionid":"', inputs) - 18)) END
WHERE inputs LIKE '%"inviteePhoneHash":"%' OR inputs LIKE '%"inviteeOpenid":"%'
    OR inputs LIKE '%"inviteeUnionid":"%';

CREATE INDEX ix_screening_device_at ON screening (invitee_device_id, registered_at);
CREATE INDEX ix_screening_ip_at ON screening (ip, registered_at);
CREATE INDEX ix_screening_subnet_at ON screening (subnet24, registered_at);
CREATE INDEX ix_screening_phone_at ON screening (invitee_phone_hash, registered_at);
CREATE INDEX ix_screening_openid_at ON screening (invitee_openid, registered_at);
CREATE INDEX ix_screening_unionid_at ON screening (invitee_unionid, registered_at);
-- (campaign, referrer) gains registered_at; the wider index serves every query the old one did
CREATE INDEX ix_screening_referrer_at ON screening (campaign_id, referrer_user_id, registered_at);
DROP INDEX ix_screening_referrer ON screening;
