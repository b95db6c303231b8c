package dev.confab.conferencing.provisioning;

import dev.confab.conferencing.AlreadyConfiguredException;
import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.conferencing.channel.EnrolmentClient;
import dev.confab.conferencing.system.AtomicApply;
import dev.confab.conferencing.system.NodeSystemFiles;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.EnrolResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a configuration file, whether uploaded or found in user data: read it (hardened), check it
 * is for this host, render the OS files, make the node's key pair, enrol, then write the OS files
 * atomically and store key and certificate. Until enrolment succeeds nothing is written, so a
 * refused file leaves the node unconfigured and its system root as it was. A configured node told
 * that the Management Node does not know it enrols again with its stored file ({@link #reenrol}).
 * One file at a time.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    /** The rendered OS files that only their owner may read (mode 0600): the admin user's password hash. */
    static final Set<String> PRIVATE_SYSTEM_FILES = Set.of("etc/confab/admin-password.hash");

    /** What a successful apply produced. */
    public record Result(String fqdn, long nodeId, String certificateSerial) {
    }

    private final NodeData data;
    private final Path systemRoot;
    private final String bindAddress;
    private final NodeConfigReader reader;
    private final EnrolmentClient enrolment = new EnrolmentClient();

    public Provisioner(NodeData data, Path systemRoot, String bindAddress, Clock clock) {
        this.data = data;
        this.systemRoot = systemRoot;
        this.bindAddress = bindAddress;
        this.reader = new NodeConfigReader(clock);
    }

    public synchronized Result apply(byte[] file) {
        data.enrolledFqdn().ifPresent(fqdn -> {
            throw new AlreadyConfiguredException(fqdn);
        });
        NodeConfig config = reader.read(file);
        HostCheck.require(config.node().ipv4Address(), bindAddress);
        Map<String, String> files = NodeSystemFiles.render(config);
        Enrolled enrolled = enrol(config);
        AtomicApply.apply(systemRoot, files, PRIVATE_SYSTEM_FILES, NodeSystemFiles.SSH_WANTS,
                NodeSystemFiles.sshEnabled(config) ? NodeSystemFiles.SSH_UNIT : null);
        Result result = store(enrolled, config, file);
        LOG.info("Configured as {} (node {}), certificate {}", result.fqdn(), result.nodeId(), result.certificateSerial());
        return result;
    }

    /**
     * Enrols the configured node again with the token of its stored file, as at first (a new key
     * pair, pinned to the file's CA), for when the Management Node says it does not know the node's
     * certificate. The OS files are the stored file's already and stay as they are; the new key and
     * certificate replace the old ones only once the Management Node has issued the certificate, so
     * a refused, failed or undecided enrolment ({@link dev.confab.conferencing.channel.EnrolmentUnansweredException})
     * changes nothing on the node.
     */
    public synchronized Result reenrol() {
        data.enrolledFqdn().orElseThrow(() -> new ConferencingException(
                "This node is not configured, so it has nothing to enrol again with: upload its configuration file."));
        byte[] file;
        try {
            file = Files.readAllBytes(data.appliedConfig());
        } catch (IOException e) {
            throw new ConferencingException("Cannot read the stored configuration file " + data.appliedConfig() + ": "
                    + e.getMessage(), e);
        }
        NodeConfig config = reader.read(file);
        Result result = store(enrol(config), config, file);
        LOG.info("Enrolled again as {} (node {}), certificate {}; restarting onto it", result.fqdn(), result.nodeId(),
                result.certificateSerial());
        return result;
    }

    /** A certificate the Management Node issued for {@code keys}, checked: our key, the file's CA. */
    private record Enrolled(EnrolResponse response, KeyPair keys, X509Certificate certificate, X509Certificate ca) {
    }

    /** Makes the node's key pair and enrols with the file's token; writes nothing. */
    private Enrolled enrol(NodeConfig config) {
        NodeConfig.Node node = config.node();
        KeyPair keys = KeyPairs.ecP256();
        List<String> names = List.of(node.fqdn(), node.ipv4Address());
        String csr = CertificateRequest.create(keys, node.fqdn(), names).pem();
        NodeConfig.ManagementNode management = config.managementNode();
        EnrolResponse enrolled = enrolment.enrol(management.address(), management.nodePort(),
                management.caFingerprintSha256(), new EnrolRequest(config.enrolment().token(), csr));
        X509Certificate certificate = Pem.readCertificates(enrolled.certificate()).get(0);
        X509Certificate ca = Pem.readCertificates(enrolled.caCertificate()).get(0);
        if (!certificate.getPublicKey().equals(keys.getPublic())
                || !CertificateInfo.of(ca).fingerprintSha256().equals(management.caFingerprintSha256())) {
            throw new ConferencingException("The Management Node answered with a certificate for another key or"
                    + " from another authority; nothing was changed on this node. Upload a new file.");
        }
        return new Enrolled(enrolled, keys, certificate, ca);
    }

    private Result store(Enrolled enrolled, NodeConfig config, byte[] file) {
        NodeConfig.ManagementNode management = config.managementNode();
        data.save(enrolled.keys().getPrivate(), enrolled.certificate(), enrolled.ca(), file, management.address(),
                management.nodePort());
        return new Result(enrolled.response().fqdn(), enrolled.response().nodeId(),
                enrolled.certificate().getSerialNumber().toString(16));
    }
}
