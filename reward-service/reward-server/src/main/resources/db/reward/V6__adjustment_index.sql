-- A clawback locks the reward it adjusts and reads that reward's adjustments with a locking read: indexed, so the
-- read locks those few rows, not the whole table.
CREATE INDEX ix_reward_adjusts ON reward (adjusts_reward_id);
