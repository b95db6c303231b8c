package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.SelfSigned;
import dev.confab.shared.pki.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class TlsCertificateIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static IssuedCertificate certificate(String name) {
        return SelfSigned.generate(name, List.of(name, "*.media.example.com"), Duration.ofDays(90), Clock.systemUTC());
    }

    @Test
    void parsesAnUploadedCertificateAndExposesItsNamesAndDates() {
        IssuedCertificate issued = certificate("conf01.example.com");
        RunningNode.Response created = node.post(CONFIG + "tls_certificate/", Map.of(
                "certificate", issued.certificatePem(), "private_key", issued.privateKeyPem()));
        assertEquals(201, created.status(), created.text());
        JsonNode certificate = created.body();
        assertTrue(certificate.get("subject_name").asText().contains("CN=conf01.example.com"));
        assertTrue(certificate.get("subject_alt_names").asText().contains("*.media.example.com"));
        assertEquals(issued.certificate().getSerialNumber().toString(16),
                certificate.get("serial_no").asText().toLowerCase().replaceFirst("^0+", ""));
        assertFalse(certificate.has("private_key"), "the private key is write-only");
        assertTrue(certificate.get("end_date").asText().compareTo(certificate.get("start_date").asText()) > 0);
    }

    @Test
    void theAdministratorInterfacePresentsTheCertificateAssignedToTheManagementNode() throws Exception {
        assertTrue(node.agent().selfSignedCertificate());
        IssuedCertificate issued = SelfSigned.generate("mgr.example.com", List.of("mgr.example.com", "127.0.0.1"),
                Duration.ofDays(90), Clock.systemUTC());
        String uri = node.post(CONFIG + "tls_certificate/", Map.of("certificate", issued.certificatePem(),
                "private_key", issued.privateKeyPem())).body().get("resource_uri").asText();
        assertEquals(200, node.patch(CONFIG + "management_vm/1/", Map.of("tls_certificate", uri)).status());

        javax.net.ssl.SSLContext trustingNew = TlsMaterial.clientContext(issued.certificate(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trustingNew.getSocketFactory()
                .createSocket("127.0.0.1", node.agent().httpsPort())) {
            socket.startHandshake();
            assertEquals(issued.certificate(), socket.getSession().getPeerCertificates()[0]);
        }
        assertFalse(node.agent().selfSignedCertificate());
        // this test's HTTP client trusts only the self-signed certificate: revert without it
        var configuration = node.agent().configuration();
        configuration.update(configuration.catalog().configuration("management_vm"), 1,
                java.util.Collections.singletonMap("tls_certificate", null), true,
                dev.confab.management.adminlog.Actor.system("test"));
        assertTrue(node.agent().selfSignedCertificate(), "clearing the assignment returns to the self-signed certificate");
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() {
        IssuedCertificate issued = certificate("conf02.example.com");
        RunningNode.Response refused = node.post(CONFIG + "tls_certificate/", Map.of(
                "certificate", issued.certificatePem(), "private_key", Pem.encode(KeyPairs.ecP256().getPrivate())));
        assertEquals(400, refused.status());
        assertTrue(refused.body().get("fields").has("private_key"), refused.text());
    }

    @Test
    void refusesTextThatIsNoCertificate() {
        RunningNode.Response refused = node.post(CONFIG + "tls_certificate/", Map.of(
                "certificate", "hello", "private_key", Pem.encode(KeyPairs.ecP256().getPrivate())));
        assertEquals(400, refused.status());
        assertTrue(refused.body().get("fields").has("certificate") || refused.body().get("fields").has("private_key"),
                refused.text());
    }

    @Test
    void requiresANodesCertificateToNameItsSipTlsFqdn() {
        IssuedCertificate issued = certificate("edge.example.com");
        String certificateUri = node.post(CONFIG + "tls_certificate/", Map.of("certificate", issued.certificatePem(),
                "private_key", issued.privateKeyPem())).body().get("resource_uri").asText();
        String location = Fixtures.createLocation(node, "TLS site");
        Map<String, Object> body = Fixtures.node("tls-cn1", "10.4.0.11", location);
        body.put("tls_certificate", certificateUri);
        body.put("sip_tls_fqdn", "other.example.com");
        RunningNode.Response refused = node.post(CONFIG + "worker_vm/", body);
        assertEquals(400, refused.status());
        assertTrue(refused.body().get("fields").get("sip_tls_fqdn").asText().contains("does not name"));
        body.put("sip_tls_fqdn", "a.media.example.com");
        assertEquals(201, node.post(CONFIG + "worker_vm/", body).status());
        assertEquals(409, node.delete(certificateUri).status(), "a certificate in use is not deleted");
    }
}
