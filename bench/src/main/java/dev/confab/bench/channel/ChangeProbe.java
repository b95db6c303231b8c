package dev.confab.bench.channel;

import dev.confab.bench.LatencyRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Makes configuration changes and times how long each takes to reach every simulated node. */
final class ChangeProbe {

    /** Numbers every change made, so that no edit repeats the one before (which would make no revision). */
    private static final AtomicLong MADE = new AtomicLong();

    private ChangeProbe() {
    }

    /** The newest configuration revision, from the administrator log. */
    static long revision(AdminApi admin) throws Exception {
        return admin.get("/api/admin/history/v1/admin_log/?revision__gte=0&limit=1").get("objects").get(0)
                .get("revision").asLong();
    }

    /** Waits until every node holds {@code revision} or newer. */
    static void awaitAll(List<SimulatedNode> fleet, long revision, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (fleet.stream().anyMatch(node -> node.revision() < revision)) {
            if (System.nanoTime() > deadline) {
                List<SimulatedNode> behind = fleet.stream().filter(node -> node.revision() < revision).toList();
                throw new IllegalStateException(behind.size() + " nodes did not reach revision " + revision
                        + "; e.g. at " + behind.get(0).revision() + ", last poll error: " + behind.get(0).lastError());
            }
            Thread.sleep(10);
        }
    }

    /** What the changes measured: change to each node, and last node to "all SYNCED" in the status API. */
    record Result(LatencyRecorder received, LatencyRecorder synced, List<String> firstAndLast) {

        /** Each change's first and last node, in milliseconds after the change was sent: "first/last …". */
        String perChange() {
            return String.join(" ", firstAndLast);
        }
    }

    /**
     * {@code changes} location edits, one at a time: from just before the PATCH is sent to when each
     * node received the answer carrying its revision; and from when the last node received it (and
     * polled again, telling the Management Node it holds it) to the first answer of the status API
     * with no node SYNCING, asked every 10 ms.
     */
    static Result measure(AdminApi admin, List<SimulatedNode> fleet, String location, int changes)
            throws Exception {
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder synced = new LatencyRecorder();
        List<String> firstAndLast = new ArrayList<>();
        for (int change = 0; change < changes; change++) {
            long sent = System.nanoTime();
            admin.patch(location, Map.of("description", "change " + MADE.incrementAndGet()));
            long revision = revision(admin);
            awaitAll(fleet, revision, 30);
            long first = Long.MAX_VALUE;
            long last = 0;
            for (SimulatedNode node : fleet) {
                long received = node.appliedNanos(revision);
                latency.record(received - sent);
                first = Math.min(first, received);
                last = Math.max(last, received);
            }
            firstAndLast.add((first - sent) / 1_000_000 + "/" + (last - sent) / 1_000_000);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (syncing(admin) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nodes still SYNCING 30 s after the last received revision " + revision);
                }
                Thread.sleep(10);
            }
            synced.record(System.nanoTime() - last);
            Thread.sleep(500);
        }
        return new Result(latency, synced, firstAndLast);
    }

    /** How many nodes the status API shows as SYNCING. */
    static long syncing(AdminApi admin) throws Exception {
        return admin.get("/api/admin/status/v1/worker_vm/?sync_status=SYNCING&limit=1").get("meta").get("total_count")
                .asLong();
    }
}
