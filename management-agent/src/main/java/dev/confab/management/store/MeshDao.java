package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Collection;
import java.util.Set;

/** What IPsec needs beside the configuration: which Conferencing Nodes hold a valid certificate. */
public interface MeshDao {

    /** Ids of the nodes with a certificate that is not revoked: only they can authenticate a tunnel. */
    @SqlQuery("SELECT DISTINCT node_id FROM node_certificate WHERE revoked IS NULL")
    Set<Long> enrolledNodeIds();

    /** Which of the nodes {@code nodeIds} hold a certificate that is not revoked. */
    @SqlQuery("SELECT DISTINCT node_id FROM node_certificate WHERE revoked IS NULL AND node_id IN (<nodes>)")
    Set<Long> enrolledAmong(@BindList("nodes") Collection<Long> nodeIds);
}
