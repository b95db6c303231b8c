package dev.confab.management.api;

import dev.confab.management.testing.RunningNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.auth.GuessThrottle;
import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing the password over many parallel connections gets no further than guessing one at a time:
 * guesses past the throttle are answered at once with 429 and never checked, the right password
 * works again after the wait, and the administrator log gets one line for the whole minute.
 */
@Timeout(120)
class PasswordGuessingIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.now());

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersParallelGuessesPastTheThrottleAtOnceAndLogsThemAsOneLine() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            guesses.add(node.client().sendAsync(HttpRequest.newBuilder(node.uri(CONFIG))
                    .header("Authorization", RunningNode.basic("admin", "guess-" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int checked = 0;
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> guess : guesses) {
            HttpResponse<String> answer = guess.get();
            if (answer.statusCode() == 401) {
                checked++;
            } else {
                assertEquals(429, answer.statusCode(), answer.body());
                long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
                assertTrue(json.readTree(answer.body()).get("error").asText().contains("Too many failed logins"),
                        answer.body());
                throttled++;
            }
        }
        assertTrue(checked <= GuessThrottle.PER_ADDRESS.free(), checked + " of 32 parallel guesses were checked");
        assertEquals(32, checked + throttled);

        RunningNode.Response tooSoon = node.get(CONFIG);
        assertEquals(429, tooSoon.status(), "the right password waits its turn too");
        CLOCK.advance(Duration.ofSeconds(Long.parseLong(tooSoon.raw().headers().firstValue("Retry-After").orElseThrow())));
        assertEquals(200, node.get(CONFIG).status(), "the right password after the wait");

        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode line = node.awaitAdminLog("action=login_failed", "33 failed logins for admin from 127.0.0.1");
        assertTrue(line.get("details").asText().contains("(" + (throttled + 1) + " refused unchecked"),
                line.toString());
        JsonNode all = node.get("/api/admin/history/v1/admin_log/?action=login_failed").body();
        assertEquals(1, all.get("meta").get("total_count").asInt(), "one line for the minute: " + all);
    }
}
