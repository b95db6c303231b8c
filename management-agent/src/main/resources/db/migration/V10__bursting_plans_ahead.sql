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

CREATE TABLE bursting_schedule (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE,
    system_location   INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    days              TEXT    NOT NULL,
    peak_time         TEXT    NOT NULL,
    time_zone         TEXT    NOT NULL,
    nodes             INTEGER NOT NULL DEFAULT 1,
    lead_minutes      INTEGER NOT NULL DEFAULT 10,
    hold_minutes      INTEGER NOT NULL DEFAULT 30,
    ramp_down_minutes INTEGER NOT NULL DEFAULT 10
);
