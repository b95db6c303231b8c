package dev.confab.management.store;

import dev.confab.shared.ipsec.LocationLinks;
import dev.confab.shared.wire.MeshPeer;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The mesh as IPsec needs it: the nodes that hold a valid certificate, and the links between locations. */
public interface MeshDao {

    /** Conferencing Nodes with a certificate that is not revoked: only they can authenticate a tunnel. */
    @SqlQuery("""
            SELECT w.name, w.address, w.node_type, l.name AS location_name
            FROM worker_vm w JOIN system_location l ON l.id = w.system_location
            WHERE EXISTS (SELECT 1 FROM node_certificate c WHERE c.node_id = w.id AND c.revoked IS NULL)
            ORDER BY w.id
            """)
    @RegisterConstructorMapper(MeshPeer.class)
    List<MeshPeer> enrolledNodes();

    @SqlQuery("""
            SELECT l.name, t.name AS transcoding_location, o1.name AS overflow_location1,
                   o2.name AS overflow_location2
            FROM system_location l
            LEFT JOIN system_location t ON t.id = l.transcoding_location
            LEFT JOIN system_location o1 ON o1.id = l.overflow_location1
            LEFT JOIN system_location o2 ON o2.id = l.overflow_location2
            ORDER BY l.id
            """)
    @RegisterConstructorMapper(LocationLinks.class)
    List<LocationLinks> locationLinks();
}
