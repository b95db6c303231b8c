package dev.confab.management.auth;

import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.crypto.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a Bearer token against the scrape token of the global settings ({@code metrics_scrape_token},
 * sealed in the store), which may read {@code /metrics} and nothing else. The stored token is read at
 * each check, so a change takes effect at the next scrape; the comparison takes the same time
 * wherever the tokens differ. Thread-safe.
 */
public final class ScrapeToken implements Function<String, Optional<String>> {

    /** The user a scrape token logs in, in the administrator log. */
    public static final String USER = "metrics-scrape-token";

    private final ConfigurationService configuration;
    private final SecretBox secrets;

    public ScrapeToken(ConfigurationService configuration, SecretBox secrets) {
        this.configuration = configuration;
        this.secrets = secrets;
    }

    /** {@link #USER} when {@code token} is the scrape token, else empty (also when none is set). */
    @Override
    public Optional<String> apply(String token) {
        Optional<String> sealed = configuration.read(transaction -> transaction.reads().sealedMetricsScrapeToken());
        if (sealed.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        // digests first, so that the comparison does not depend on the lengths either
        byte[] given = Tokens.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = Tokens.sha256Hex(secrets.open(sealed.get())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(USER) : Optional.empty();
    }
}
