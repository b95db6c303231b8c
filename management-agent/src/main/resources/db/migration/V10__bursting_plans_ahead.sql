-- Bursting that plans ahead: the global settings that turn on its options, what the policy compared
-- each location with and when it runs full at the current arrival rate (status tables the scheduler
-- rewrites after each run), and the pre-warm schedules of overflow locations.

ALTER TABLE global ADD COLUMN bursting_latency_aware INTEGER NOT NULL DEFAULT 0;
ALTER TABLE global ADD COLUMN bursting_assumed_start_latency INTEGER NOT NULL DEFAULT 5;
ALTER TABLE global ADD COLUMN bursting_keep_or_stop INTEGER NOT NULL DEFAULT 0;
ALTER TABLE global ADD COLUMN bursting_billed_minutes_per_start INTEGER NOT NULL DEFAULT 1;

ALTER TABLE cloud_monitored_location_status ADD COLUMN effective_threshold INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cloud_monitored_location_status ADD COLUMN minutes_to_exhaustion INTEGER;
ALTER TABLE cloud_overflow_location_status ADD COLUMN effective_threshold INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cloud_overflow_location_status ADD COLUMN minutes_to_exhaustion INTEGER;
