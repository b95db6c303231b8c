package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.resource.ValidationException;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.PkiException;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/admin/command/v1/platform/issue_metrics_certificate/} with {@code {"csr": "<PEM>"}}
 * (ours): a client certificate from the platform's CA for the scraper's key, named
 * {@link NodeChannel#METRICS_COMMON_NAME} whatever the request asked, valid for {@link #VALIDITY}. A
 * Conferencing Node serves its {@code /metrics} on its node-to-node listener to that certificate; it
 * opens nothing else there. The private key never leaves the scraper. Stateless.
 */
public final class MetricsCertificateCommand {

    /** How long a metrics certificate is valid: issue the next one before then. */
    public static final Duration VALIDITY = Duration.ofDays(90);
    private static final Logger LOG = LoggerFactory.getLogger(MetricsCertificateCommand.class);

    private final CertificateAuthority authority;
    private final ObjectMapper json;

    private MetricsCertificateCommand(CertificateAuthority authority, ObjectMapper json) {
        this.authority = authority;
        this.json = json;
    }

    /** The command, to add to the {@link CommandApi}. */
    public static CommandApi.Command of(CertificateAuthority authority, ObjectMapper json) {
        MetricsCertificateCommand command = new MetricsCertificateCommand(authority, json);
        return new CommandApi.Command("platform", "issue_metrics_certificate", "Issues a client certificate from the"
                + " platform's CA, named " + NodeChannel.METRICS_COMMON_NAME + " and valid for " + VALIDITY.toDays()
                + " days, with which a scraper reads the Conferencing Nodes' /metrics on their node port.",
                Map.of("csr", "A PEM certificate signing request (PKCS #10) for the scraper's key: RSA of 2048 bits"
                        + " or more, or EC P-256 or P-384."), command::issue);
    }

    private void issue(Context ctx) throws Exception {
        Object csr = JsonBody.objectOrEmpty(ctx, json).get("csr");
        if (!(csr instanceof String pem) || pem.isBlank()) {
            throw new ValidationException("Give the scraper's certificate signing request.", Map.of("csr",
                    "This field is required: a PEM request, such as openssl req -new -newkey ec"
                            + " -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=prometheus makes."));
        }
        X509Certificate certificate;
        try {
            certificate = authority.issue(pem, NodeChannel.METRICS_COMMON_NAME, List.of(), VALIDITY);
        } catch (PkiException e) {
            throw new ValidationException("The certificate was not issued.", Map.of("csr", e.getMessage()));
        }
        LOG.info("Issued metrics certificate {} to {}, valid until {}", certificate.getSerialNumber().toString(16),
                ApiAuth.actor(ctx).user(), certificate.getNotAfter().toInstant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("common_name", NodeChannel.METRICS_COMMON_NAME);
        answer.put("certificate", Pem.encode(certificate));
        answer.put("ca_certificate", Pem.encode(authority.certificate()));
        answer.put("not_after", certificate.getNotAfter().toInstant().toString());
        ctx.status(201).json(answer);
    }
}
