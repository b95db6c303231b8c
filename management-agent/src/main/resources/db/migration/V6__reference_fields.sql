-- The reference platform's fuller field lists: more fields on the resources Confab already had, and
-- the resources those fields name (SSH keys, syslog, web proxies, event sinks, STUN and TURN,
-- call control, policy servers). Confab stores most of them without acting on them yet.

-- Resources that locations and nodes name.
CREATE TABLE ssh_authorized_key (
    id      INTEGER PRIMARY KEY,
    keytype TEXT NOT NULL,
    key     TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);

CREATE TABLE syslog_server (
    id          INTEGER PRIMARY KEY,
    address     TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    port        INTEGER NOT NULL DEFAULT 514,
    transport   TEXT    NOT NULL DEFAULT 'udp',
    audit_log   INTEGER NOT NULL DEFAULT 0,
    support_log INTEGER NOT NULL DEFAULT 0,
    web_log     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE http_proxy (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL,
    port        INTEGER NOT NULL DEFAULT 8080,
    protocol    TEXT    NOT NULL DEFAULT 'http',
    username    TEXT    NOT NULL DEFAULT '',
    password    TEXT
);

CREATE TABLE event_sink (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT    NOT NULL UNIQUE,
    description            TEXT    NOT NULL DEFAULT '',
    url                    TEXT    NOT NULL,
    username               TEXT    NOT NULL DEFAULT '',
    password               TEXT,
    bulk_support           INTEGER NOT NULL DEFAULT 0,
    verify_tls_certificate INTEGER NOT NULL DEFAULT 1,
    version                INTEGER NOT NULL DEFAULT 2,
    restart_date           TEXT
);

CREATE TABLE stun_server (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL,
    port        INTEGER NOT NULL DEFAULT 3478
);

CREATE TABLE turn_server (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    description    TEXT    NOT NULL DEFAULT '',
    address        TEXT    NOT NULL,
    port           INTEGER NOT NULL DEFAULT 3478,
    server_type    TEXT    NOT NULL DEFAULT 'namepsw',
    transport_type TEXT    NOT NULL DEFAULT 'udp',
    username       TEXT    NOT NULL DEFAULT '',
    password       TEXT,
    secret_key     TEXT
);

CREATE TABLE snmp_network_management_system (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE,
    description         TEXT    NOT NULL DEFAULT '',
    address             TEXT    NOT NULL,
    port                INTEGER NOT NULL DEFAULT 161,
    snmp_trap_community TEXT    NOT NULL DEFAULT 'public'
);

CREATE TABLE sip_proxy (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL,
    port        INTEGER DEFAULT 5061,
    transport   TEXT    NOT NULL DEFAULT 'tls'
);

CREATE TABLE mssip_proxy (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL,
    port        INTEGER DEFAULT 5061,
    transport   TEXT    NOT NULL DEFAULT 'tls'
);

CREATE TABLE h323_gatekeeper (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL,
    port        INTEGER DEFAULT 1719
);

CREATE TABLE teams_proxy (
    id                      INTEGER PRIMARY KEY,
    name                    TEXT    NOT NULL UNIQUE,
    description             TEXT    NOT NULL DEFAULT '',
    address                 TEXT    NOT NULL,
    port                    INTEGER NOT NULL DEFAULT 443,
    eventhub_id             TEXT,
    min_number_of_instances INTEGER NOT NULL DEFAULT 1,
    notifications_enabled   INTEGER NOT NULL DEFAULT 0,
    notifications_queue     TEXT
);

CREATE TABLE policy_server (
    id                                      INTEGER PRIMARY KEY,
    name                                    TEXT    NOT NULL UNIQUE,
    description                             TEXT    NOT NULL DEFAULT '',
    url                                     TEXT    NOT NULL DEFAULT '',
    username                                TEXT    NOT NULL DEFAULT '',
    password                                TEXT,
    allow_http                              INTEGER NOT NULL DEFAULT 0,
    enable_service_lookup                   INTEGER NOT NULL DEFAULT 0,
    enable_participant_lookup               INTEGER NOT NULL DEFAULT 0,
    enable_registration_lookup              INTEGER NOT NULL DEFAULT 0,
    enable_directory_lookup                 INTEGER NOT NULL DEFAULT 0,
    enable_avatar_lookup                    INTEGER NOT NULL DEFAULT 0,
    enable_media_location_lookup            INTEGER NOT NULL DEFAULT 0,
    enable_internal_service_policy          INTEGER NOT NULL DEFAULT 0,
    internal_service_policy_template        TEXT    NOT NULL DEFAULT '',
    enable_internal_participant_policy      INTEGER NOT NULL DEFAULT 0,
    internal_participant_policy_template    TEXT    NOT NULL DEFAULT '',
    enable_internal_media_location_policy   INTEGER NOT NULL DEFAULT 0,
    internal_media_location_policy_template TEXT    NOT NULL DEFAULT '',
    prefer_local_avatar_configuration       INTEGER NOT NULL DEFAULT 0
);

-- Conferencing Nodes. The reference's ranges are narrower than Confab's were: nodes outside them
-- are brought to the nearest value, so that every stored node can be saved again.
ALTER TABLE worker_vm ADD COLUMN tls_client_certificate INTEGER REFERENCES tls_certificate (id);
ALTER TABLE worker_vm ADD COLUMN alternative_fqdn TEXT NOT NULL DEFAULT '';
ALTER TABLE worker_vm ADD COLUMN ssh_authorized_keys_use_cloud INTEGER NOT NULL DEFAULT 1;
ALTER TABLE worker_vm ADD COLUMN managed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE worker_vm ADD COLUMN service_manager INTEGER NOT NULL DEFAULT 1;
ALTER TABLE worker_vm ADD COLUMN service_policy INTEGER NOT NULL DEFAULT 1;
ALTER TABLE worker_vm ADD COLUMN signalling INTEGER NOT NULL DEFAULT 1;
ALTER TABLE worker_vm ADD COLUMN snmp_mode TEXT NOT NULL DEFAULT 'DISABLED';
ALTER TABLE worker_vm ADD COLUMN snmp_community TEXT NOT NULL DEFAULT 'public';
ALTER TABLE worker_vm ADD COLUMN snmp_username TEXT NOT NULL DEFAULT '';
ALTER TABLE worker_vm ADD COLUMN snmp_authentication_password TEXT;
ALTER TABLE worker_vm ADD COLUMN snmp_privacy_password TEXT;
ALTER TABLE worker_vm ADD COLUMN snmp_system_contact TEXT NOT NULL DEFAULT 'admin@domain.com';
ALTER TABLE worker_vm ADD COLUMN snmp_system_location TEXT NOT NULL DEFAULT 'Virtual machine';
UPDATE worker_vm SET vm_cpu_count = MIN(MAX(vm_cpu_count, 2), 128);
UPDATE worker_vm SET vm_system_memory = MIN(MAX(vm_system_memory, 2000), 64000);
CREATE TABLE worker_vm__ssh_authorized_keys (
    owner_id  INTEGER NOT NULL REFERENCES worker_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES ssh_authorized_key (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX worker_vm__ssh_authorized_keys_target ON worker_vm__ssh_authorized_keys (target_id);

-- System locations.
ALTER TABLE system_location ADD COLUMN media_qos INTEGER;
ALTER TABLE system_location ADD COLUMN signalling_qos INTEGER;
ALTER TABLE system_location ADD COLUMN local_mssip_domain TEXT NOT NULL DEFAULT '';
ALTER TABLE system_location ADD COLUMN h323_gatekeeper INTEGER REFERENCES h323_gatekeeper (id);
ALTER TABLE system_location ADD COLUMN sip_proxy INTEGER REFERENCES sip_proxy (id);
ALTER TABLE system_location ADD COLUMN mssip_proxy INTEGER REFERENCES mssip_proxy (id);
ALTER TABLE system_location ADD COLUMN teams_proxy INTEGER REFERENCES teams_proxy (id);
ALTER TABLE system_location ADD COLUMN http_proxy INTEGER REFERENCES http_proxy (id);
ALTER TABLE system_location ADD COLUMN snmp_network_management_system INTEGER
    REFERENCES snmp_network_management_system (id);
ALTER TABLE system_location ADD COLUMN stun_server INTEGER REFERENCES stun_server (id);
ALTER TABLE system_location ADD COLUMN turn_server INTEGER REFERENCES turn_server (id);
ALTER TABLE system_location ADD COLUMN use_relay_candidates_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE system_location ADD COLUMN policy_server INTEGER REFERENCES policy_server (id);
CREATE TABLE system_location__syslog_servers (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES syslog_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE system_location__event_sinks (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES event_sink (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE system_location__client_stun_servers (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES stun_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE system_location__client_turn_servers (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES turn_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);

-- Global settings. enable_ssh becomes the reference's boolean (it was 'ON' or 'OFF').
ALTER TABLE global ADD COLUMN azure_client_id TEXT;
ALTER TABLE global ADD COLUMN azure_secret TEXT;
ALTER TABLE global ADD COLUMN azure_subscription_id TEXT;
ALTER TABLE global ADD COLUMN azure_tenant TEXT;
ALTER TABLE global ADD COLUMN gcp_client_email TEXT;
ALTER TABLE global ADD COLUMN gcp_private_key TEXT;
ALTER TABLE global ADD COLUMN gcp_project_id TEXT;
ALTER TABLE global ADD COLUMN media_ports_start INTEGER NOT NULL DEFAULT 40000;
ALTER TABLE global ADD COLUMN media_ports_end INTEGER NOT NULL DEFAULT 49999;
ALTER TABLE global ADD COLUMN signalling_ports_start INTEGER NOT NULL DEFAULT 33000;
ALTER TABLE global ADD COLUMN signalling_ports_end INTEGER NOT NULL DEFAULT 39999;
ALTER TABLE global ADD COLUMN max_pixels_per_second TEXT NOT NULL DEFAULT 'hd';
ALTER TABLE global ADD COLUMN crypto_mode TEXT NOT NULL DEFAULT 'besteffort';
ALTER TABLE global ADD COLUMN enable_edge_non_mesh INTEGER NOT NULL DEFAULT 1;
ALTER TABLE global ADD COLUMN deployment_uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE global RENAME COLUMN enable_ssh TO enable_ssh_text;
ALTER TABLE global ADD COLUMN enable_ssh INTEGER NOT NULL DEFAULT 1;
UPDATE global SET enable_ssh = CASE WHEN enable_ssh_text = 'OFF' THEN 0 ELSE 1 END;
ALTER TABLE global DROP COLUMN enable_ssh_text;
-- a random (version 4) UUID
UPDATE global SET deployment_uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
    || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
    || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));

-- The Management Node.
ALTER TABLE management_vm ADD COLUMN ipv6_address TEXT;
ALTER TABLE management_vm ADD COLUMN ipv6_gateway TEXT;
ALTER TABLE management_vm ADD COLUMN mtu INTEGER NOT NULL DEFAULT 1500;
ALTER TABLE management_vm ADD COLUMN alternative_fqdn TEXT NOT NULL DEFAULT '';
ALTER TABLE management_vm ADD COLUMN http_proxy INTEGER REFERENCES http_proxy (id);
ALTER TABLE management_vm ADD COLUMN ssh_authorized_keys_use_cloud INTEGER NOT NULL DEFAULT 1;
ALTER TABLE management_vm ADD COLUMN tls_client_certificate INTEGER REFERENCES tls_certificate (id);
ALTER TABLE management_vm ADD COLUMN secondary_config_passphrase TEXT;
ALTER TABLE management_vm ADD COLUMN snmp_network_management_system INTEGER
    REFERENCES snmp_network_management_system (id);
ALTER TABLE management_vm ADD COLUMN snmp_mode TEXT NOT NULL DEFAULT 'DISABLED';
ALTER TABLE management_vm ADD COLUMN snmp_community TEXT NOT NULL DEFAULT 'public';
ALTER TABLE management_vm ADD COLUMN snmp_username TEXT NOT NULL DEFAULT '';
ALTER TABLE management_vm ADD COLUMN snmp_authentication_password TEXT;
ALTER TABLE management_vm ADD COLUMN snmp_privacy_password TEXT;
ALTER TABLE management_vm ADD COLUMN snmp_system_contact TEXT NOT NULL DEFAULT 'admin@domain.com';
ALTER TABLE management_vm ADD COLUMN snmp_system_location TEXT NOT NULL DEFAULT 'Virtual machine';
CREATE TABLE management_vm__syslog_servers (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES syslog_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE management_vm__event_sinks (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES event_sink (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE management_vm__static_routes (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES static_route (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE management_vm__ssh_authorized_keys (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES ssh_authorized_key (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);

-- Services and their aliases: objects made before this version were created now, as far as the
-- store can tell.
ALTER TABLE conference ADD COLUMN crypto_mode TEXT;
ALTER TABLE conference ADD COLUMN max_callrate_in INTEGER;
ALTER TABLE conference ADD COLUMN max_callrate_out INTEGER;
ALTER TABLE conference ADD COLUMN host_view TEXT;
ALTER TABLE conference ADD COLUMN guest_view TEXT;
ALTER TABLE conference ADD COLUMN system_location INTEGER REFERENCES system_location (id);
ALTER TABLE conference ADD COLUMN primary_owner_email_address TEXT NOT NULL DEFAULT '';
ALTER TABLE conference ADD COLUMN creation_time TEXT NOT NULL DEFAULT '';
UPDATE conference SET creation_time = strftime('%Y-%m-%dT%H:%M:%f000', 'now');
ALTER TABLE conference_alias ADD COLUMN creation_time TEXT NOT NULL DEFAULT '';
ALTER TABLE conference_alias ADD COLUMN view_order INTEGER;
UPDATE conference_alias SET creation_time = strftime('%Y-%m-%dT%H:%M:%f000', 'now');

-- Licences.
ALTER TABLE licence ADD COLUMN entitlement_id TEXT NOT NULL DEFAULT '';
ALTER TABLE licence ADD COLUMN offline_mode INTEGER NOT NULL DEFAULT 0;
ALTER TABLE licence ADD COLUMN product_id TEXT NOT NULL DEFAULT '';
ALTER TABLE licence ADD COLUMN license_type TEXT NOT NULL DEFAULT '';
ALTER TABLE licence ADD COLUMN features TEXT NOT NULL DEFAULT '';
ALTER TABLE licence ADD COLUMN activatable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE licence ADD COLUMN hybrid INTEGER NOT NULL DEFAULT 0;

-- Status as the reference gives it: the Management Node's own status and the one row of
-- status/licensing, whose counts are made when it is read. (A node's total_ram in KB, its
-- upgrade_status and a location's full HD capacity are in the status views V7 makes.)
CREATE VIEW management_vm_status AS
SELECT m.id                                  AS id,
       m.id                                  AS configuration_id,
       m.name                                AS name,
       1                                     AS "primary",
       'SYNCED'                              AS sync_status,
       'IDLE'                                AS upgrade_status,
       (SELECT MAX(time) FROM config_change) AS last_updated,
       NULL                                  AS last_attempted_contact
FROM management_vm m;

CREATE VIEW licensing_status AS
SELECT 1 AS id;
