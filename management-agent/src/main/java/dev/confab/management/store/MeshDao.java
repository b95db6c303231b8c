package dev.confab.management.store;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Set;

/** What IPsec needs beside the configuration: which Conferencing Nodes hold a valid certificate. */
public interface MeshDao {

    /** Ids of the nodes with a certificate that is not revoked: only they can authenticate a tunnel. */
    @SqlQuery("SELECT DISTINCT node_id FROM node_certificate WHERE revoked IS NULL")
    Set<Long> enrolledNodeIds();
}
