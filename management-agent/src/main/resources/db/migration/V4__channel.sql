-- The node channel: what each Conferencing Node last reported, alarm history, and the status
-- resources as views over them. node_status has no foreign key to worker_vm: heartbeats are written
-- in batches that must not fail because a node was deleted meanwhile; the views join worker_vm, and
-- a deleted node's row is removed with its deletion.

CREATE TABLE node_status (
    node_id                INTEGER PRIMARY KEY,
    version                TEXT    NOT NULL DEFAULT '',
    boot_time              TEXT,
    last_attempted_contact TEXT,
    last_updated           TEXT,
    applied_revision       INTEGER NOT NULL DEFAULT 0,
    reachable              INTEGER NOT NULL DEFAULT 0,
    reported_maintenance   INTEGER NOT NULL DEFAULT 0,
    media_load             INTEGER NOT NULL DEFAULT 0,
    max_full_hd_calls      INTEGER NOT NULL DEFAULT 0,
    max_hd_calls           INTEGER NOT NULL DEFAULT 0,
    max_sd_calls           INTEGER NOT NULL DEFAULT 0,
    max_audio_calls        INTEGER NOT NULL DEFAULT 0,
    media_tokens_used      INTEGER NOT NULL DEFAULT 0,
    max_media_tokens       INTEGER NOT NULL DEFAULT 0,
    cpu_count              INTEGER NOT NULL DEFAULT 0,
    total_ram              INTEGER NOT NULL DEFAULT 0
);

-- the node an alarm is about, when it is about one (not part of the API)
ALTER TABLE alarm ADD COLUMN node_id INTEGER;
CREATE INDEX alarm_node ON alarm (node_id);

CREATE TABLE alarm_history (
    id           INTEGER PRIMARY KEY,
    identifier   INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    level        TEXT    NOT NULL,
    details      TEXT    NOT NULL DEFAULT '',
    instance     TEXT    NOT NULL DEFAULT '',
    node         TEXT    NOT NULL DEFAULT '',
    node_id      INTEGER,
    time_raised  TEXT    NOT NULL,
    time_cleared TEXT
);
CREATE INDEX alarm_history_time_raised ON alarm_history (time_raised);

CREATE VIEW worker_vm_status AS
SELECT w.id                                        AS id,
       w.id                                        AS configuration_id,
       w.name                                      AS name,
       w.node_type                                 AS node_type,
       l.name                                      AS system_location,
       COALESCE(s.version, '')                     AS version,
       s.boot_time                                 AS boot_time,
       s.last_attempted_contact                    AS last_attempted_contact,
       s.last_updated                              AS last_updated,
       CASE
           WHEN s.node_id IS NULL OR s.reachable = 0 THEN 'UNREACHABLE'
           WHEN s.applied_revision >= (SELECT value FROM config_revision WHERE id = 1) THEN 'SYNCED'
           ELSE 'SYNCING'
       END                                         AS sync_status,
       CASE
           WHEN EXISTS (SELECT 1 FROM node_certificate c WHERE c.node_id = w.id AND c.revoked IS NULL)
               THEN 'DEPLOYED'
           ELSE 'NOT_DEPLOYED'
       END                                         AS deploy_status,
       w.maintenance_mode                          AS maintenance_mode,
       w.maintenance_mode_reason                   AS maintenance_mode_reason,
       COALESCE(s.applied_revision, 0)             AS applied_revision,
       COALESCE(s.media_load, 0)                   AS media_load,
       COALESCE(s.max_full_hd_calls, 0)            AS max_full_hd_calls,
       COALESCE(s.max_hd_calls, 0)                 AS max_hd_calls,
       COALESCE(s.max_sd_calls, 0)                 AS max_sd_calls,
       COALESCE(s.max_audio_calls, 0)              AS max_audio_calls,
       COALESCE(s.media_tokens_used, 0)            AS media_tokens_used,
       COALESCE(s.max_media_tokens, 0)             AS max_media_tokens,
       COALESCE(s.cpu_count, 0)                    AS cpu_count,
       COALESCE(s.total_ram, 0)                    AS total_ram
FROM worker_vm w
JOIN system_location l ON l.id = w.system_location
LEFT JOIN node_status s ON s.node_id = w.id;

-- a location's capacity and load count only the nodes that are reachable now
CREATE VIEW system_location_status AS
SELECT l.id                                                      AS id,
       l.name                                                    AS name,
       CASE WHEN COALESCE(SUM(s.max_media_tokens), 0) = 0 THEN 0
            ELSE CAST(ROUND(100.0 * SUM(s.media_tokens_used) / SUM(s.max_media_tokens)) AS INTEGER)
       END                                                       AS media_load,
       COALESCE(SUM(s.max_hd_calls), 0)                          AS max_hd_calls,
       COALESCE(SUM(s.max_sd_calls), 0)                          AS max_sd_calls,
       COALESCE(SUM(s.max_audio_calls), 0)                       AS max_audio_calls,
       COALESCE(SUM(s.max_media_tokens), 0)                      AS max_media_tokens,
       COALESCE(SUM(s.media_tokens_used), 0)                     AS media_tokens_used
FROM system_location l
LEFT JOIN worker_vm w ON w.system_location = l.id
LEFT JOIN node_status s ON s.node_id = w.id AND s.reachable = 1
GROUP BY l.id, l.name;
