package dev.confab.conferencing.provisioning;

import dev.confab.conferencing.AlreadyConfiguredException;
import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.conferencing.channel.EnrolmentClient;
import dev.confab.conferencing.system.AtomicApply;
import dev.confab.conferencing.system.SystemFiles;
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

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Applies a configuration file, whether uploaded or found in user data: read it (hardened), check it
 * is for this host, render the OS files, make the node's key pair, enrol, then write the OS files
 * atomically and store key and certificate. Until enrolment succeeds nothing is written, so a
 * refused file leaves the node unconfigured and its system root as it was. One file at a time.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

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
        NodeConfig.Node node = config.node();
        HostCheck.require(node.ipv4Address(), bindAddress);
        Map<String, String> files = SystemFiles.render(config);
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
                    + " from another authority; the node was not configured. Upload a new file.");
        }
        AtomicApply.apply(systemRoot, files, SystemFiles.SSH_WANTS,
                SystemFiles.sshEnabled(config) ? SystemFiles.SSH_UNIT : null);
        data.save(keys.getPrivate(), certificate, ca, file, management.address(), management.nodePort());
        String serial = certificate.getSerialNumber().toString(16);
        LOG.info("Configured as {} (node {}), certificate {}", enrolled.fqdn(), enrolled.nodeId(), serial);
        return new Result(enrolled.fqdn(), enrolled.nodeId(), serial);
    }
}
