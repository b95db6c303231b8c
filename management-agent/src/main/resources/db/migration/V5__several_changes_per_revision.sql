-- One configuration revision may change several objects (a bulk PATCH or a DELETE of a list): the
-- record of changes is keyed by revision and object, no longer by revision alone.

CREATE TABLE config_change_by_object (
    revision    INTEGER NOT NULL,
    time        TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    object_id   INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    PRIMARY KEY (revision, resource, object_id)
);
INSERT INTO config_change_by_object (revision, time, resource, object_id, action)
SELECT revision, time, resource, object_id, action FROM config_change;
DROP TABLE config_change;
ALTER TABLE config_change_by_object RENAME TO config_change;
CREATE INDEX config_change_object ON config_change (resource, object_id);
