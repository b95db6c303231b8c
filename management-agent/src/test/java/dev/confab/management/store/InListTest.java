package dev.confab.management.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InListTest {

    @Test
    void anyNumberOfValuesComesInPartsOfAFewSizesHoldingEachValue() {
        Set<Integer> sizes = new HashSet<>();
        for (int count = 1; count <= 2_000; count++) {
            List<Long> values = LongStream.rangeClosed(1, count).boxed().toList();
            List<List<Long>> parts = InList.parts(values);
            parts.forEach(part -> sizes.add(part.size()));
            List<Long> distinct = new ArrayList<>();
            parts.forEach(part -> part.stream().distinct().forEach(distinct::add));
            assertEquals(values, distinct, count + " values");
        }
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512), sizes,
                "ten statement texts, whatever the number of values");
    }

    @Test
    void repeatedValuesAreReadOnceAndNothingIsNoParts() {
        assertEquals(List.of(List.of(3L, 1L, 2L, 2L)), InList.parts(List.of(3L, 1L, 3L, 2L)));
        assertTrue(InList.parts(List.of()).isEmpty());
    }
}
