package dev.confab.management.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;
import java.util.Optional;

/** Enrolment tokens and node certificates. */
@RegisterConstructorMapper(NodeToken.class)
@RegisterConstructorMapper(NodeCertificate.class)
public interface NodeProvisioningDao {

    @SqlQuery("""
            SELECT MAX(revision) FROM config_change
            WHERE resource = 'worker_vm' AND object_id = :node AND action = 'created'
            """)
    Optional<Long> creationRevision(@Bind("node") long nodeId);

    @SqlUpdate("UPDATE node_token SET state = 'SUPERSEDED' WHERE node_id = :node AND state = 'ISSUED'")
    int supersedeTokens(@Bind("node") long nodeId);

    @SqlUpdate("""
            INSERT INTO node_token (node_id, node_revision, node_name, token_hash, created, expires, state)
            VALUES (:nodeId, :nodeRevision, :nodeName, :tokenHash, :created, :expires, 'ISSUED')
            """)
    void insertToken(@BindMethods NodeToken token);

    /** Replaces the node's unused tokens with a new one, so only the newest file can enrol. */
    @Transaction
    default void issueToken(NodeToken token) {
        supersedeTokens(token.nodeId());
        insertToken(token);
    }

    @SqlQuery("SELECT * FROM node_token WHERE token_hash = :hash")
    Optional<NodeToken> tokenByHash(@Bind("hash") String tokenHash);

    /** Marks an issued token used; 0 when another request used it first. */
    @SqlUpdate("UPDATE node_token SET state = 'USED', used = :time WHERE id = :id AND state = 'ISSUED'")
    int useToken(@Bind("id") long id, @Bind("time") String time);

    /** Retires the unused tokens of node {@code nodeId} when it no longer exists. */
    @SqlUpdate("""
            UPDATE node_token SET state = 'NODE_DELETED'
            WHERE node_id = :node AND state = 'ISSUED' AND NOT EXISTS (SELECT 1 FROM worker_vm WHERE id = :node)
            """)
    int retireTokensOfDeletedNode(@Bind("node") long nodeId);

    @SqlUpdate("""
            INSERT INTO node_certificate (node_id, node_revision, serial, fqdn, certificate, issued, address)
            VALUES (:nodeId, :nodeRevision, :serial, :fqdn, :certificate, :issued, :address)
            """)
    void insertCertificate(@BindMethods NodeCertificate certificate);

    @SqlQuery("SELECT * FROM node_certificate WHERE serial = :serial")
    Optional<NodeCertificate> certificateBySerial(@Bind("serial") String serial);

    @SqlQuery("SELECT * FROM node_certificate WHERE node_id = :node AND revoked IS NULL ORDER BY id")
    List<NodeCertificate> validCertificates(@Bind("node") long nodeId);

    /** Valid certificates whose node is gone: deleted, or its id now belongs to a newer node. */
    @SqlQuery("""
            SELECT c.* FROM node_certificate c
            WHERE c.revoked IS NULL
              AND c.node_revision IS NOT (SELECT MAX(revision) FROM config_change
                                          WHERE resource = 'worker_vm' AND object_id = c.node_id
                                            AND action = 'created'
                                            AND EXISTS (SELECT 1 FROM worker_vm w WHERE w.id = c.node_id))
            ORDER BY c.id
            """)
    List<NodeCertificate> certificatesOfDeletedNodes();

    @SqlUpdate("UPDATE node_certificate SET revoked = :time WHERE serial = :serial AND revoked IS NULL")
    int revokeCertificate(@Bind("serial") String serial, @Bind("time") String time);
}
