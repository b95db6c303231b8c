-- A node written into a location is checked against the location's other nodes (a location never
-- mixes transcoding and proxying nodes): look them up by location instead of reading every node.

CREATE INDEX worker_vm_location_type ON worker_vm (system_location, node_type);
