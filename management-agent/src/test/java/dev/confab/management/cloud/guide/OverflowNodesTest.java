package dev.confab.management.cloud.guide;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OverflowNodesTest {

    private final OverflowNodes overflow = OverflowNodes.of(OverflowNodes.TAG_NAME, "mgr", List.of(2L));

    @Test
    void tagsNodesOfAnOverflowLocationWithTheManagementNodesValue() {
        assertEquals(Optional.of("mgr"), overflow.expectedTag(2, false));
    }

    @Test
    void tagsANodeThePlatformMarksAsBurstingWhereverItIs() {
        assertEquals(Optional.of("mgr"), overflow.expectedTag(1, true));
    }

    @Test
    void leavesAlwaysOnNodesUntagged() {
        assertEquals(Optional.empty(), overflow.expectedTag(1, false));
    }
}
