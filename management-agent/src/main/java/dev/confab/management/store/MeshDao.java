package dev.confab.management.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What IPsec needs beside the configuration: which Conferencing Nodes hold a valid certificate. */
public interface MeshDao {

    /** Ids of the nodes with a certificate that is not revoked: only they can authenticate a tunnel. */
    @SqlQuery("SELECT DISTINCT node_id FROM node_certificate WHERE revoked IS NULL")
    Set<Long> enrolledNodeIds();

    /** What the mesh needs of a Conferencing Node, and whether it holds a certificate that is not revoked. */
    record MeshNode(long id, String name, String address, String nodeType, long systemLocation, boolean enrolled) {
    }

    /**
     * Every Conferencing Node as the mesh needs it, by id: five columns, not the whole rendered
     * node, as the mesh is read again after every change of any node.
     */
    @SqlQuery("""
            SELECT id, name, address, node_type, system_location,
                   EXISTS (SELECT 1 FROM node_certificate c WHERE c.node_id = worker_vm.id AND c.revoked IS NULL)
                       AS enrolled
            FROM worker_vm ORDER BY id
            """)
    @RegisterConstructorMapper(MeshNode.class)
    List<MeshNode> meshNodes();

    /** The nodes {@code nodeIds} as {@link #meshNodes()} reads them (those that exist). */
    @SqlQuery("""
            SELECT id, name, address, node_type, system_location,
                   EXISTS (SELECT 1 FROM node_certificate c WHERE c.node_id = worker_vm.id AND c.revoked IS NULL)
                       AS enrolled
            FROM worker_vm WHERE id IN (<nodes>) ORDER BY id
            """)
    @RegisterConstructorMapper(MeshNode.class)
    List<MeshNode> meshNodesAmong(@BindList("nodes") Collection<Long> nodeIds);

    /** Which of the nodes {@code nodeIds} hold a certificate that is not revoked. */
    @SqlQuery("SELECT DISTINCT node_id FROM node_certificate WHERE revoked IS NULL AND node_id IN (<nodes>)")
    Set<Long> enrolledAmong(@BindList("nodes") Collection<Long> nodeIds);
}
