-- A pre-generation job may ask invite-service for the campaign's top N referrers instead of (or besides) naming its
-- users; N is kept so an operator can see what the job was asked for. NULL: the job named its users only.
ALTER TABLE poster_job ADD COLUMN top_referrers INT NULL;
