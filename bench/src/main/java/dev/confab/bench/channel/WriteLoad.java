package dev.confab.bench.channel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code PATCH} writes through the management API from several clients at once, each the next as
 * soon as the last is answered: a node's description, a node drawn at random from those stored.
 */
final class WriteLoad {

    private WriteLoad() {
    }

    /**
     * Writes answered 200 per second over {@code seconds}; {@code failed} counts the others and
     * {@code lastFailure} keeps what went wrong with the last of them.
     */
    static double run(AdminApi admin, int clients, int seconds, AtomicLong failed, AtomicReference<String> lastFailure)
            throws Exception {
        JsonNode objects = admin.get("/api/admin/configuration/v1/worker_vm/?limit=1000").get("objects");
        List<String> nodes = new ArrayList<>();
        objects.forEach(node -> nodes.add(node.get("resource_uri").asText()));
        AtomicLong written = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String node = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
                        try {
                            admin.patch(node, Map.of("description", "write " + written.get()));
                            written.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            lastFailure.set(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return written.get() / (double) seconds;
    }
}
