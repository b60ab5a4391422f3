-- The channel of the touch that brought each invitee ('code' when the code came without a touch), for the funnel.
ALTER TABLE referral ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'code';
CREATE INDEX ix_referral_registered ON referral (campaign_id, registered_at);
