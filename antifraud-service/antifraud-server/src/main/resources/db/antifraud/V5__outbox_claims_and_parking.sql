-- The outbox relay claims rows, commits, then sends (no transaction waits on the broker), and parks a row the broker
-- refuses for what it is after a few attempts (kernel OutboxRelay).
ALTER TABLE outbox_event ADD COLUMN claimed_until DATETIME(3) NULL;
ALTER TABLE outbox_event ADD COLUMN parked_at DATETIME(3) NULL;
ALTER TABLE outbox_event ADD COLUMN refusals INT NOT NULL DEFAULT 0;
