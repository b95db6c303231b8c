-- Confab Management Node store, schema version 2: what the Status and History pages read before
-- the node channel and bursting fill it. Column names equal the status and history API fields.

CREATE TABLE alarm (
    id           INTEGER PRIMARY KEY,
    identifier   INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    level        TEXT    NOT NULL,
    details      TEXT    NOT NULL DEFAULT '',
    instance     TEXT    NOT NULL DEFAULT '',
    node         TEXT    NOT NULL DEFAULT '',
    acknowledged INTEGER NOT NULL DEFAULT 0,
    time_raised  TEXT    NOT NULL
);
CREATE INDEX alarm_time_raised ON alarm (time_raised);

CREATE TABLE workervm_status_event (
    id                                   INTEGER PRIMARY KEY,
    time_changed                         TEXT NOT NULL,
    event_type                           TEXT NOT NULL,
    state                                TEXT NOT NULL DEFAULT '',
    context                              TEXT NOT NULL DEFAULT '',
    details                              TEXT NOT NULL DEFAULT '',
    workervm_address                     TEXT NOT NULL DEFAULT '',
    workervm_configuration_id            INTEGER,
    workervm_configuration_name          TEXT NOT NULL DEFAULT '',
    workervm_configuration_location_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX workervm_status_event_time ON workervm_status_event (time_changed);
