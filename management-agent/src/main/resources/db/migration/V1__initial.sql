-- Confab Management Node store, schema version 1.
-- Column names equal the management API's field names; a list field lives in a join table
-- named owner__field. Times are UTC text in the API format, which sorts as time.

CREATE TABLE config_revision (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO config_revision (id, value) VALUES (1, 0);

CREATE TABLE config_change (
    revision    INTEGER PRIMARY KEY,
    time        TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    object_id   INTEGER NOT NULL,
    action      TEXT    NOT NULL
);

CREATE TABLE admin_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    time        TEXT    NOT NULL,
    user        TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    object_id   INTEGER,
    object_name TEXT    NOT NULL,
    details     TEXT    NOT NULL,
    revision    INTEGER
);
CREATE INDEX admin_log_time ON admin_log (time);

CREATE TABLE admin_account (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    changed       TEXT NOT NULL
);

CREATE TABLE api_token (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    created    TEXT NOT NULL,
    last_used  TEXT
);

CREATE TABLE dns_server (
    id          INTEGER PRIMARY KEY,
    address     TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ntp_server (
    id          INTEGER PRIMARY KEY,
    address     TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    key         TEXT,
    key_id      INTEGER
);

CREATE TABLE static_route (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE,
    address TEXT    NOT NULL,
    prefix  INTEGER NOT NULL,
    gateway TEXT    NOT NULL
);

CREATE TABLE tls_certificate (
    id                INTEGER PRIMARY KEY,
    certificate       TEXT NOT NULL,
    private_key       TEXT NOT NULL,
    subject_name      TEXT NOT NULL,
    issuer_name       TEXT NOT NULL,
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL,
    serial_no         TEXT NOT NULL,
    subject_alt_names TEXT NOT NULL
);

CREATE TABLE system_location (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL UNIQUE,
    description          TEXT    NOT NULL DEFAULT '',
    mtu                  INTEGER NOT NULL DEFAULT 1500,
    overflow_location1   INTEGER REFERENCES system_location (id),
    overflow_location2   INTEGER REFERENCES system_location (id),
    transcoding_location INTEGER REFERENCES system_location (id)
);
CREATE TABLE system_location__dns_servers (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES dns_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE system_location__ntp_servers (
    owner_id  INTEGER NOT NULL REFERENCES system_location (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES ntp_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);

CREATE TABLE worker_vm (
    id                          INTEGER PRIMARY KEY,
    name                        TEXT    NOT NULL UNIQUE,
    description                 TEXT    NOT NULL DEFAULT '',
    hostname                    TEXT    NOT NULL UNIQUE,
    domain                      TEXT    NOT NULL,
    address                     TEXT    NOT NULL UNIQUE,
    netmask                     TEXT    NOT NULL,
    gateway                     TEXT    NOT NULL,
    secondary_address           TEXT,
    secondary_netmask           TEXT,
    ipv6_address                TEXT,
    ipv6_gateway                TEXT,
    static_nat_address          TEXT,
    node_type                   TEXT    NOT NULL,
    system_location             INTEGER NOT NULL REFERENCES system_location (id),
    deployment_type             TEXT    NOT NULL,
    password                    TEXT,
    maintenance_mode            INTEGER NOT NULL DEFAULT 0,
    maintenance_mode_reason     TEXT    NOT NULL DEFAULT '',
    enable_distributed_database INTEGER NOT NULL DEFAULT 1,
    cloud_bursting              INTEGER NOT NULL DEFAULT 0,
    enable_ssh                  TEXT    NOT NULL DEFAULT 'GLOBAL',
    sip_tls_fqdn                TEXT,
    tls_certificate             INTEGER REFERENCES tls_certificate (id),
    vm_cpu_count                INTEGER NOT NULL DEFAULT 4,
    vm_system_memory            INTEGER NOT NULL DEFAULT 4096,
    media_priority_weight       INTEGER
);
CREATE INDEX worker_vm_location ON worker_vm (system_location);
CREATE TABLE worker_vm__static_routes (
    owner_id  INTEGER NOT NULL REFERENCES worker_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES static_route (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);

CREATE TABLE management_vm (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
    description        TEXT NOT NULL DEFAULT '',
    hostname           TEXT,
    domain             TEXT,
    address            TEXT,
    netmask            TEXT,
    gateway            TEXT,
    static_nat_address TEXT,
    enable_ssh         TEXT NOT NULL DEFAULT 'GLOBAL',
    tls_certificate    INTEGER REFERENCES tls_certificate (id)
);
CREATE TABLE management_vm__dns_servers (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES dns_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
CREATE TABLE management_vm__ntp_servers (
    owner_id  INTEGER NOT NULL REFERENCES management_vm (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES ntp_server (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, target_id)
);
INSERT INTO management_vm (id, name) VALUES (1, 'Management Node');

CREATE TABLE global (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    bursting_enabled      INTEGER NOT NULL DEFAULT 0,
    bursting_threshold    INTEGER NOT NULL DEFAULT 5,
    bursting_min_lifetime INTEGER NOT NULL DEFAULT 50,
    cloud_provider        TEXT    NOT NULL DEFAULT 'AWS',
    aws_access_key        TEXT,
    aws_secret_key        TEXT,
    aws_instance_role     INTEGER NOT NULL DEFAULT 0,
    aws_region            TEXT    NOT NULL DEFAULT 'us-east-1',
    aws_endpoint          TEXT,
    enable_ssh            TEXT    NOT NULL DEFAULT 'ON'
);
INSERT INTO global (id) VALUES (1);

CREATE TABLE conference (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL UNIQUE,
    description           TEXT    NOT NULL DEFAULT '',
    service_type          TEXT    NOT NULL DEFAULT 'conference',
    call_type             TEXT    NOT NULL DEFAULT 'video',
    pin                   TEXT    NOT NULL DEFAULT '',
    guest_pin             TEXT    NOT NULL DEFAULT '',
    allow_guests          INTEGER NOT NULL DEFAULT 0,
    participant_limit     INTEGER,
    max_pixels_per_second TEXT,
    tag                   TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE conference_alias (
    id          INTEGER PRIMARY KEY,
    alias       TEXT    NOT NULL UNIQUE,
    conference  INTEGER NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    description TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX conference_alias_conference ON conference_alias (conference);

CREATE TABLE licence (
    id              INTEGER PRIMARY KEY,
    fulfillment_id  TEXT    NOT NULL UNIQUE,
    description     TEXT    NOT NULL DEFAULT '',
    concurrent      INTEGER NOT NULL,
    audio           INTEGER NOT NULL DEFAULT 0,
    start_date      TEXT    NOT NULL,
    expiration_date TEXT
);
