-- Calls: the participants and conferences in progress as the Management Node counts them (status)
-- and those that ended (history), and free HD calls in the status views. Conference and
-- participant rows are written in batches a moment after the nodes report, by name, with no
-- foreign keys: a call outlives a change of the configuration it came in under.

CREATE TABLE participant_status (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT    NOT NULL UNIQUE,
    conference         TEXT    NOT NULL,
    service_type       TEXT    NOT NULL,
    display_name       TEXT    NOT NULL,
    source_alias       TEXT    NOT NULL DEFAULT '',
    destination_alias  TEXT    NOT NULL,
    protocol           TEXT    NOT NULL,
    role               TEXT    NOT NULL,
    call_direction     TEXT    NOT NULL,
    call_type          TEXT    NOT NULL,
    call_quality_class TEXT    NOT NULL,
    media_node         TEXT    NOT NULL,
    signalling_node    TEXT    NOT NULL,
    system_location    TEXT    NOT NULL,
    connect_time       TEXT    NOT NULL
);
CREATE INDEX participant_status_conference ON participant_status (conference);

CREATE TABLE conference_status (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE,
    service_type      TEXT    NOT NULL,
    is_started        INTEGER NOT NULL DEFAULT 1,
    is_locked         INTEGER NOT NULL DEFAULT 0,
    start_time        TEXT    NOT NULL,
    tag               TEXT    NOT NULL DEFAULT '',
    participant_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE participant_history (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT    NOT NULL,
    conference         TEXT    NOT NULL,
    service_type       TEXT    NOT NULL,
    display_name       TEXT    NOT NULL,
    source_alias       TEXT    NOT NULL DEFAULT '',
    destination_alias  TEXT    NOT NULL,
    protocol           TEXT    NOT NULL,
    role               TEXT    NOT NULL,
    call_direction     TEXT    NOT NULL,
    call_type          TEXT    NOT NULL,
    call_quality_class TEXT    NOT NULL,
    media_node         TEXT    NOT NULL,
    signalling_node    TEXT    NOT NULL,
    system_location    TEXT    NOT NULL,
    connect_time       TEXT    NOT NULL,
    disconnect_time    TEXT    NOT NULL,
    duration           INTEGER NOT NULL,
    disconnect_reason  TEXT    NOT NULL
);
CREATE INDEX participant_history_disconnect_time ON participant_history (disconnect_time);

CREATE TABLE conference_history (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL,
    service_type      TEXT    NOT NULL,
    tag               TEXT    NOT NULL DEFAULT '',
    start_time        TEXT    NOT NULL,
    end_time          TEXT    NOT NULL,
    duration          INTEGER NOT NULL,
    participant_count INTEGER NOT NULL
);
CREATE INDEX conference_history_end_time ON conference_history (end_time);

DROP VIEW worker_vm_status;
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
       'IDLE'                                      AS upgrade_status,
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
       CASE WHEN s.reachable = 1 AND s.max_media_tokens > s.media_tokens_used
            THEN (s.max_media_tokens - s.media_tokens_used) / 16
            ELSE 0
       END                                         AS free_hd_calls,
       COALESCE(s.cpu_count, 0)                    AS cpu_count,
       COALESCE(s.total_ram, 0) * 1024             AS total_ram
FROM worker_vm w
JOIN system_location l ON l.id = w.system_location
LEFT JOIN node_status s ON s.node_id = w.id;

-- as the reference gives them: total_ram in KB (nodes report MB), upgrade_status (no upgrade runs
-- through the API), a location's full HD capacity
-- a location's capacity and load count only the nodes that are reachable now; its free HD calls
-- only those of its transcoding nodes out of maintenance mode, which can take new conferences
DROP VIEW system_location_status;
CREATE VIEW system_location_status AS
SELECT l.id                                                      AS id,
       l.name                                                    AS name,
       CASE WHEN COALESCE(SUM(s.max_media_tokens), 0) = 0 THEN 0
            ELSE CAST(ROUND(100.0 * SUM(s.media_tokens_used) / SUM(s.max_media_tokens)) AS INTEGER)
       END                                                       AS media_load,
       COALESCE(SUM(s.max_full_hd_calls), 0)                     AS max_full_hd_calls,
       COALESCE(SUM(s.max_hd_calls), 0)                          AS max_hd_calls,
       COALESCE(SUM(s.max_sd_calls), 0)                          AS max_sd_calls,
       COALESCE(SUM(s.max_audio_calls), 0)                       AS max_audio_calls,
       COALESCE(SUM(s.max_media_tokens), 0)                      AS max_media_tokens,
       COALESCE(SUM(s.media_tokens_used), 0)                     AS media_tokens_used,
       COALESCE(SUM(CASE WHEN w.node_type = 'CONFERENCING' AND w.maintenance_mode = 0
                              AND s.max_media_tokens > s.media_tokens_used
                         THEN (s.max_media_tokens - s.media_tokens_used) / 16 ELSE 0 END), 0)
                                                                 AS free_hd_calls
FROM system_location l
LEFT JOIN worker_vm w ON w.system_location = l.id
LEFT JOIN node_status s ON s.node_id = w.id AND s.reachable = 1
GROUP BY l.id, l.name;
