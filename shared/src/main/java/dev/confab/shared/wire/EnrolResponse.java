package dev.confab.shared.wire;

/**
 * Answer to a successful enrolment.
 *
 * @param nodeId        the node's id on the Management Node ({@code worker_vm} id)
 * @param fqdn          the name the certificate was issued for
 * @param certificate   the node's certificate (PEM), issued by the Management Node's CA
 * @param caCertificate the CA certificate (PEM), which the node trusts from now on
 */
public record EnrolResponse(long nodeId, String fqdn, String certificate, String caCertificate) {
}
