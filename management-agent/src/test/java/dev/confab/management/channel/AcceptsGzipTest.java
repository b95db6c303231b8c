package dev.confab.management.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Accept-Encoding headers a configuration answer is gzipped for. */
class AcceptsGzipTest {

    @Test
    void gzipListedWithAnyWeightAboveZero() {
        assertTrue(NodeChannelRoutes.acceptsGzip("gzip"));
        assertTrue(NodeChannelRoutes.acceptsGzip("deflate, GZIP"));
        assertTrue(NodeChannelRoutes.acceptsGzip("br;q=1.0, gzip;q=0.5"));
        assertTrue(NodeChannelRoutes.acceptsGzip("gzip ; q=0.001"));
    }

    @Test
    void notWhenAbsentOrWeighedZero() {
        assertFalse(NodeChannelRoutes.acceptsGzip(null));
        assertFalse(NodeChannelRoutes.acceptsGzip(""));
        assertFalse(NodeChannelRoutes.acceptsGzip("identity, br"));
        assertFalse(NodeChannelRoutes.acceptsGzip("gzip;q=0"));
        assertFalse(NodeChannelRoutes.acceptsGzip("gzip; q=0.000"));
        assertFalse(NodeChannelRoutes.acceptsGzip("x-gzip"));
    }
}
