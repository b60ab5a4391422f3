-- The invitee's first paid order after registering (from the host's ORDER_PAID events), for the funnel.
ALTER TABLE referral ADD COLUMN first_order_at DATETIME(3);
ALTER TABLE referral ADD COLUMN first_order_id VARCHAR(64);
CREATE INDEX ix_referral_invitee ON referral (invitee_user_id);
