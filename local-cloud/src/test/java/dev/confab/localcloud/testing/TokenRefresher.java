package dev.confab.localcloud.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A caller that keeps its call: refreshes the token every half second, whatever happens around it,
 * and holds the newest one. Close it to stop.
 */
public final class TokenRefresher implements AutoCloseable {

    private final AtomicReference<String> token;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public TokenRefresher(ClientApiClient client, ChannelPlatform.Node node, String alias, String first) {
        token = new AtomicReference<>(first);
        timer.scheduleWithFixedDelay(() -> {
            try {
                ClientApiClient.Answer refreshed = client.refreshToken(node, alias, token.get());
                if (refreshed.success()) {
                    token.set(refreshed.token());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** The newest token. */
    public String token() {
        return token.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
