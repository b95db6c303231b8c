package dev.confab.bench.admission;

import dev.confab.bench.LatencyRecorder;
import dev.confab.bench.ProcessCpu;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives an asynchronous request against a node, either open-loop at a fixed rate (request {@code i}
 * due {@code i / rate} after the start, whatever the answers before it) or closed-loop at saturation
 * (a fixed number in flight, the next sent as soon as one is answered). A request is a supplier of a
 * future that completes with its outcome ("ok", "admitted", a refusal's reason). The open loop keeps
 * at most {@code maxInFlight} requests in flight (the client opens a connection for each, and a
 * node that falls behind must not be buried under new TLS handshakes): a request due while that
 * many are in flight waits, and its latency counts from when it was due, so waiting shows.
 */
final class Load {

    private final Map<String, Long> processes;
    private final int maxInFlight;

    /** Load whose phases report the cores each of {@code processes} (name → process id) used meanwhile. */
    Load(Map<String, Long> processes, int maxInFlight) {
        this.processes = new LinkedHashMap<>(processes);
        this.maxInFlight = maxInFlight;
    }

    /** Sends {@code request} at {@code rate} per second for {@code duration}; waits for the answers. */
    PhaseResult atRate(String name, double rate, Duration duration, Supplier<CompletableFuture<String>> request)
            throws IOException, InterruptedException {
        Recording recording = new Recording();
        Semaphore inFlight = new Semaphore(maxInFlight);
        Map<String, Long> cpuBefore = cpuMillis();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; ; i++) {
            long at = start + Math.round(i * 1e9 / rate);
            if (at >= end) {
                break;
            }
            while (System.nanoTime() < at) {
                LockSupport.parkNanos(at - System.nanoTime());
            }
            inFlight.acquire();
            recording.send(request, at, inFlight::release);
        }
        if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
            recording.outcome("unanswered after 30 s", maxInFlight - inFlight.availablePermits());
        }
        return recording.result(name, start, cpuBefore);
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}: the node's rate at saturation. */
    PhaseResult saturated(String name, int concurrency, Duration duration,
                          Supplier<CompletableFuture<String>> request) throws IOException, InterruptedException {
        Recording recording = new Recording();
        Map<String, Long> cpuBefore = cpuMillis();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Semaphore done = new Semaphore(0);
        for (int i = 0; i < concurrency; i++) {
            loop(recording, request, end, done);
        }
        if (!done.tryAcquire(concurrency, duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            recording.outcome("unanswered after 30 s", concurrency - done.availablePermits());
        }
        return recording.result(name, start, cpuBefore);
    }

    private static void loop(Recording recording, Supplier<CompletableFuture<String>> request, long end,
                             Semaphore done) {
        recording.send(request, System.nanoTime(), () -> {
            if (System.nanoTime() < end) {
                // on another thread: an answer that came at once must not send the next from deeper in this stack
                ForkJoinPool.commonPool().execute(() -> loop(recording, request, end, done));
            } else {
                done.release();
            }
        });
    }

    /** Latencies and outcomes of one phase; thread-safe. */
    private final class Recording {
        private final LatencyRecorder latencies = new LatencyRecorder();
        private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

        /** Sends {@code request}, its latency counted from {@code due} ({@link System#nanoTime}); then runs {@code then}. */
        void send(Supplier<CompletableFuture<String>> request, long due, Runnable then) {
            request.get().whenComplete((outcome, failure) -> {
                long latency = System.nanoTime() - due;
                if (failure == null) {
                    synchronized (latencies) {
                        latencies.record(latency);
                    }
                }
                outcome(failure == null ? outcome : "no answer: " + rootCause(failure), 1);
                then.run();
            });
        }

        void outcome(String outcome, long count) {
            outcomes.merge(outcome, count, Long::sum);
        }

        PhaseResult result(String name, long start, Map<String, Long> cpuBefore) throws IOException {
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            for (Map.Entry<String, Long> now : cpuMillis().entrySet()) {
                cores.put(now.getKey(), (now.getValue() - cpuBefore.get(now.getKey())) / 1000.0 / seconds);
            }
            synchronized (latencies) {
                return new PhaseResult(name, seconds, latencies, Map.copyOf(outcomes), cores);
            }
        }
    }

    private Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            millis.put(process.getKey(), ProcessCpu.millis(process.getValue()));
        }
        return millis;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
