package dev.confab.management.store;

/** A certificate issued to a node at enrolment; {@code revoked} is null while it is valid. */
public record NodeCertificate(long id, long nodeId, long nodeRevision, String serial, String fqdn, String certificate,
                              String issued, String address, String revoked) {
}
