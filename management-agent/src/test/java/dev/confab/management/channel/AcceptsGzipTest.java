package dev.confab.management.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Accept-Encoding headers a configuration answer is gzipped for. */
class AcceptsGzipTest {

    @Test
    void gzipListedWithAnyWeightAboveZero() {
        assertTrue(FrequentRequests.acceptsGzip("gzip"));
        assertTrue(FrequentRequests.acceptsGzip("deflate, GZIP"));
        assertTrue(FrequentRequests.acceptsGzip("br;q=1.0, gzip;q=0.5"));
        assertTrue(FrequentRequests.acceptsGzip("gzip ; q=0.001"));
    }

    @Test
    void notWhenAbsentOrWeighedZero() {
        assertFalse(FrequentRequests.acceptsGzip(null));
        assertFalse(FrequentRequests.acceptsGzip(""));
        assertFalse(FrequentRequests.acceptsGzip("identity, br"));
        assertFalse(FrequentRequests.acceptsGzip("gzip;q=0"));
        assertFalse(FrequentRequests.acceptsGzip("gzip; q=0.000"));
        assertFalse(FrequentRequests.acceptsGzip("x-gzip"));
    }
}
