package dev.confab.management;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementConfigTest {

    private static final ManagementConfig DEFAULTS = ManagementConfig.defaults(Path.of("data"));

    @Test
    void acceptsLoopbackNodesOnlyWhenListeningOnLoopbackUnlessToldOtherwise() {
        assertFalse(DEFAULTS.acceptsLoopbackNodes(), "listening on 0.0.0.0");
        assertFalse(DEFAULTS.withBind("10.0.0.10", 443, 9443).acceptsLoopbackNodes());
        assertTrue(DEFAULTS.withBind("127.0.0.1", 0, 0).acceptsLoopbackNodes(), "every part on one host");
        assertTrue(DEFAULTS.withBind("127.0.1.1", 0, 0).acceptsLoopbackNodes());
        assertFalse(DEFAULTS.withBind("127.0.0.1", 0, 0).withLoopbackNodes(false).acceptsLoopbackNodes());
        assertTrue(DEFAULTS.withLoopbackNodes(true).withBind("10.0.0.10", 0, 0).acceptsLoopbackNodes());
    }
}
