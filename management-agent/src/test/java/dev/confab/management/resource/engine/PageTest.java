package dev.confab.management.resource.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTest {

    private static Page page(long total, long limit, long offset) {
        return new Page(List.of(), total, limit, offset);
    }

    @Test
    void hasANextPageOnlyWhileObjectsFollow() {
        assertTrue(page(25, 20, 0).hasNext());
        assertFalse(page(25, 20, 20).hasNext());
        assertFalse(page(20, 20, 0).hasNext());
        assertTrue(page(21, 20, 0).hasNext());
        assertFalse(page(25, 20, 30).hasNext(), "an offset past the end");
        assertFalse(page(0, 20, 0).hasNext());
    }

    @Test
    void hasNoNextPageNearTheLargestOffset() {
        assertFalse(page(25, 100, 9223372036854775800L).hasNext());
        assertFalse(page(25, 1000, Long.MAX_VALUE).hasNext());
    }
}
