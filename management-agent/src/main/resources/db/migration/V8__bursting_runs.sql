-- Bursting runs: the guardrail and circuit breaker settings, what the scheduler's last run found
-- (status of overflow instances and locations, its notes and issues, written after each run), and
-- the EC2 instance of each Conferencing Node history event, so that a restarted Management Node
-- knows which starts and stops it asked for.

ALTER TABLE global ADD COLUMN bursting_max_running_nodes INTEGER NOT NULL DEFAULT 10;
ALTER TABLE global ADD COLUMN bursting_start_deadline INTEGER NOT NULL DEFAULT 10;
ALTER TABLE global ADD COLUMN bursting_breaker_errors INTEGER NOT NULL DEFAULT 3;
ALTER TABLE global ADD COLUMN bursting_breaker_window INTEGER NOT NULL DEFAULT 5;
ALTER TABLE global ADD COLUMN bursting_breaker_cooldown INTEGER NOT NULL DEFAULT 10;

ALTER TABLE workervm_status_event ADD COLUMN cloud_instance_id TEXT NOT NULL DEFAULT '';
ALTER TABLE workervm_status_event ADD COLUMN error_code TEXT NOT NULL DEFAULT '';
CREATE INDEX workervm_status_event_node ON workervm_status_event (workervm_configuration_id, time_changed);
CREATE INDEX workervm_status_event_instance ON workervm_status_event (cloud_instance_id, id);

CREATE TABLE cloud_node_status (
    id                                   INTEGER PRIMARY KEY,
    cloud_instance_id                    TEXT    NOT NULL UNIQUE,
    cloud_instance_name                  TEXT    NOT NULL DEFAULT '',
    cloud_instance_state                 TEXT    NOT NULL,
    cloud_instance_ip                    TEXT    NOT NULL DEFAULT '',
    cloud_instance_public_ip             TEXT    NOT NULL DEFAULT '',
    cloud_instance_type                  TEXT    NOT NULL DEFAULT '',
    cloud_instance_launch_time           TEXT,
    running_since                        TEXT,
    load_status                          TEXT    NOT NULL,
    max_hd_calls                         INTEGER NOT NULL DEFAULT 0,
    free_hd_calls                        INTEGER NOT NULL DEFAULT 0,
    media_load                           INTEGER NOT NULL DEFAULT 0,
    workervm_configuration_id            INTEGER,
    workervm_configuration_name          TEXT    NOT NULL DEFAULT '',
    workervm_configuration_location_name TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE cloud_monitored_location_status (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    free_hd_calls      INTEGER NOT NULL,
    max_hd_calls       INTEGER NOT NULL,
    media_load         INTEGER NOT NULL,
    overflow_location  TEXT    NOT NULL DEFAULT '',
    threshold          INTEGER NOT NULL,
    state              TEXT    NOT NULL
);

CREATE TABLE cloud_overflow_location_status (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    systemlocation_id  INTEGER NOT NULL,
    free_hd_calls      INTEGER NOT NULL,
    max_hd_calls       INTEGER NOT NULL,
    starting_hd_calls  INTEGER NOT NULL,
    media_load         INTEGER NOT NULL,
    threshold          INTEGER NOT NULL,
    state              TEXT    NOT NULL
);

CREATE TABLE cloud_bursting_note (
    id                        INTEGER PRIMARY KEY,
    kind                      TEXT    NOT NULL,
    location_name             TEXT    NOT NULL DEFAULT '',
    cloud_instance_id         TEXT    NOT NULL DEFAULT '',
    workervm_configuration_id INTEGER,
    message                   TEXT    NOT NULL
);

CREATE TABLE cloud_bursting_status (
    id                         INTEGER PRIMARY KEY CHECK (id = 1),
    bursting_enabled           INTEGER NOT NULL DEFAULT 0,
    last_run_time              TEXT,
    last_described_time        TEXT,
    describe_error             TEXT    NOT NULL DEFAULT '',
    circuit_breaker            TEXT    NOT NULL DEFAULT 'closed',
    circuit_breaker_until      TEXT,
    running_nodes              INTEGER NOT NULL DEFAULT 0,
    max_running_nodes          INTEGER NOT NULL DEFAULT 10,
    min_lifetime_seconds       INTEGER NOT NULL DEFAULT 3000,
    last_actions               TEXT    NOT NULL DEFAULT ''
);
INSERT INTO cloud_bursting_status (id) VALUES (1);
