package dev.confab.conferencing.ipsec;

import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;

import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What an enrolled node's data directory holds: its key and certificate, the CA's, the applied file. */
public record EnrolledNode(IssuedCertificate identity, X509Certificate ca, NodeConfig config) {

    // the file was checked against the real clock when it was applied; its token's expiry no longer matters
    private static final Clock BEFORE_ANY_EXPIRY = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    public static EnrolledNode read(NodeData data) {
        try {
            IssuedCertificate identity = new IssuedCertificate(
                    Pem.readCertificates(Files.readString(data.certificate())).get(0),
                    Pem.readPrivateKey(Files.readString(data.key()), null));
            X509Certificate ca = Pem.readCertificates(Files.readString(data.caCertificate())).get(0);
            NodeConfig config = new NodeConfigReader(BEFORE_ANY_EXPIRY).read(Files.readAllBytes(data.appliedConfig()));
            return new EnrolledNode(identity, ca, config);
        } catch (IOException e) {
            throw new ConferencingException("Cannot read the node's key, certificates or applied configuration in "
                    + data.root() + ": " + e + ". Restore the data directory, or provision the node again.", e);
        }
    }
}
