package dev.confab.shared.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The OpenSSL-made files under src/test/resources/pem, and a fixed clock. */
final class Fixtures {

    static final char[] PASSPHRASE = "correct-horse".toCharArray();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static String pem(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pem/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture pem/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
