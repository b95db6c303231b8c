package dev.confab.installer.apply;

import dev.confab.installer.answers.Answers;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.SelfSigned;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Initialises a Management Node's data directory with the layout the management agent reads:
 * {@code secret.key}, the platform CA in {@code pki/ca/}, and the self-signed HTTPS certificate in
 * {@code pki/https-selfsigned.crt} with its key sealed in {@code pki/https-selfsigned.key.enc}.
 * The store and the web administration account are created by the agent at its first start, from
 * the configuration file.
 */
final class DataDirectorySetup {

    static final Duration HTTPS_VALIDITY = Duration.ofDays(825);

    private DataDirectorySetup() {
    }

    static void initialise(Path data, Answers answers, Clock clock) throws IOException {
        for (Path dir : List.of(data, data.resolve("pki"), data.resolve("logs"))) {
            SecureFiles.privateDirectory(dir);
        }
        SecretBox secrets = SecretBox.openOrCreate(data.resolve("secret.key"));
        CertificateAuthority.loadOrCreate(data.resolve("pki/ca"), secrets, "Confab CA " + answers.fqdn(), clock);
        IssuedCertificate https = SelfSigned.generate(answers.fqdn(),
                List.of(answers.fqdn(), answers.hostname(), answers.ip(), "localhost", "127.0.0.1"), HTTPS_VALIDITY, clock);
        SecureFiles.writeAtomically(data.resolve("pki/https-selfsigned.key.enc"),
                secrets.seal(https.privateKeyPem()).getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
        SecureFiles.writeAtomically(data.resolve("pki/https-selfsigned.crt"),
                https.certificatePem().getBytes(StandardCharsets.UTF_8), SecureFiles.PUBLIC);
    }
}
