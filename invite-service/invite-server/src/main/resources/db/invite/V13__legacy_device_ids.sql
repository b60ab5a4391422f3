-- ADR 0005: only touches under device tokens the suite issues attribute. A campaign that existed before keeps raw
-- client device ids attributing (legacy_device_ids) until an operator switches it off, one attribution window
-- after the release; campaigns created from now on start without.
ALTER TABLE campaign ADD COLUMN legacy_device_ids BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE campaign SET legacy_device_ids = TRUE;
