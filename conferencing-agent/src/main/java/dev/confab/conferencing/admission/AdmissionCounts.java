package dev.confab.conferencing.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the client API's {@code request_token} calls as {@code confab.admissions}, by result:
 * {@code admitted}; {@code capacity_exceeded} (no room, licence or place in the location and its
 * overflow locations); {@code unavailable} (another 503, such as the Management Node out of reach
 * for a licence); {@code not_found} (no such alias); {@code forbidden} (a wrong PIN);
 * {@code bad_request} (a field); {@code error} (anything else). Every counter is made up front.
 * Thread-safe.
 */
public final class AdmissionCounts {

    /** What is counted: a request that answers or throws. */
    @FunctionalInterface
    interface Request {
        void run() throws Exception;
    }

    private final Counter admitted;
    private final Counter capacityExceeded;
    private final Counter unavailable;
    private final Counter notFound;
    private final Counter forbidden;
    private final Counter badRequest;
    private final Counter error;

    public AdmissionCounts(MeterRegistry registry) {
        admitted = counter(registry, "admitted");
        capacityExceeded = counter(registry, "capacity_exceeded");
        unavailable = counter(registry, "unavailable");
        notFound = counter(registry, "not_found");
        forbidden = counter(registry, "forbidden");
        badRequest = counter(registry, "bad_request");
        error = counter(registry, "error");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("confab.admissions").description("Calls asked for through request_token, by result")
                .tag("result", result).register(registry);
    }

    /** Runs {@code request}, counting how it ended, and lets what it throws through. */
    void count(Request request) throws Exception {
        try {
            request.run();
        } catch (AdmissionException e) {
            refused(e).increment();
            throw e;
        } catch (Exception e) {
            error.increment();
            throw e;
        }
        admitted.increment();
    }

    private Counter refused(AdmissionException e) {
        return switch (e.status()) {
            case 503 -> e.getMessage().startsWith(AdmissionException.CAPACITY_EXCEEDED) ? capacityExceeded : unavailable;
            case 404 -> notFound;
            case 403 -> forbidden;
            case 400 -> badRequest;
            default -> error;
        };
    }
}
