package dev.confab.bench.channel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Every simulated node sends heartbeats back to back, each as soon as the last is answered: to the
 * Management Node, or to another server on the same setup (the bare echo server).
 */
final class Saturation {

    private static final long WARMUP_NANOS = 3_000_000_000L;

    private Saturation() {
    }

    /**
     * Heartbeats answered with 200 per second over {@code seconds}, after a 3 s warm-up; {@code answered}
     * counts those of the measured window, {@code all} every one.
     */
    static double run(List<SimulatedNode> fleet, int seconds, AtomicLong answered, AtomicLong all)
            throws InterruptedException {
        return runSenders(fleet.stream().<Supplier<CompletableFuture<Integer>>>map(node -> node::heartbeat).toList(),
                seconds, answered, all);
    }

    /** As {@link #run(List, int, AtomicLong, AtomicLong)}, each sender sending one heartbeat per call (HTTP status). */
    static double runSenders(List<Supplier<CompletableFuture<Integer>>> fleet, int seconds, AtomicLong answered,
                             AtomicLong all) throws InterruptedException {
        return runSenders(fleet, seconds, answered, all, new AtomicReference<>());
    }

    /**
     * As above; {@code lastFailure} keeps what went wrong with the last heartbeat not answered 200,
     * if one was not. Every sender first sends one heartbeat, and all of them are answered (or
     * fail) before the warm-up starts, so that the measured seconds hold no TLS handshake.
     */
    static double runSenders(List<Supplier<CompletableFuture<Integer>>> fleet, int seconds, AtomicLong answered,
                             AtomicLong all, AtomicReference<String> lastFailure) throws InterruptedException {
        CompletableFuture.allOf(fleet.stream().map(sender -> sender.get().exceptionally(error -> {
            lastFailure.set(error.toString());
            return 0;
        })).toArray(CompletableFuture[]::new)).join();
        long start = System.nanoTime();
        long measureFrom = start + WARMUP_NANOS;
        long end = measureFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(fleet.size());
        for (Supplier<CompletableFuture<Integer>> node : fleet) {
            loop(node, measureFrom, end, answered, all, done, lastFailure);
        }
        done.await();
        return answered.get() / (double) seconds;
    }

    private static void loop(Supplier<CompletableFuture<Integer>> node, long measureFrom, long end,
                             AtomicLong answered, AtomicLong all, CountDownLatch done,
                             AtomicReference<String> lastFailure) {
        node.get().whenComplete((status, error) -> {
            long now = System.nanoTime();
            if (error != null || status != 200) {
                lastFailure.set(error != null ? error.toString() : "HTTP " + status);
            }
            if (error == null && status == 200) {
                all.incrementAndGet();
            }
            if (error == null && status == 200 && now >= measureFrom && now < end) {
                answered.incrementAndGet();
            }
            if (now < end) {
                loop(node, measureFrom, end, answered, all, done, lastFailure);
            } else {
                done.countDown();
            }
        });
    }
}
