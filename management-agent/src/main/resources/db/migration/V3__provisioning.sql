-- Provisioning of Conferencing Nodes: enrolment tokens and the certificates issued to nodes.
-- Neither table references worker_vm: rows outlive a deleted node, so that its token is refused as
-- a deleted node's and its certificate stays listed as revoked. node_revision is the configuration
-- revision that created the node, which tells a deleted node from a new one that reuses its id.

CREATE TABLE node_token (
    id            INTEGER PRIMARY KEY,
    node_id       INTEGER NOT NULL,
    node_revision INTEGER NOT NULL,
    node_name     TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,
    created       TEXT    NOT NULL,
    expires       TEXT    NOT NULL,
    -- ISSUED, USED, SUPERSEDED (a newer file was made) or NODE_DELETED
    state         TEXT    NOT NULL,
    used          TEXT
);
CREATE INDEX node_token_node ON node_token (node_id);

CREATE TABLE node_certificate (
    id            INTEGER PRIMARY KEY,
    node_id       INTEGER NOT NULL,
    node_revision INTEGER NOT NULL,
    serial        TEXT    NOT NULL UNIQUE,
    fqdn          TEXT    NOT NULL,
    certificate   TEXT    NOT NULL,
    issued        TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    revoked       TEXT
);
CREATE INDEX node_certificate_node ON node_certificate (node_id);
