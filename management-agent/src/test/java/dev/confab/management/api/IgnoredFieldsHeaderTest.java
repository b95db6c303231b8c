package dev.confab.management.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IgnoredFieldsHeaderTest {

    @Test
    void listsPlainNamesInTheirOrder() {
        assertEquals("transcoding, id, snmp_mode", IgnoredFieldsHeader.value(List.of("transcoding", "id", "snmp_mode")));
    }

    @Test
    void percentEncodesNamesThatCouldSplitOrForgeTheHeader() {
        assertEquals("a%0D%0AX-Evil%3A+1, b%2C+c, %22%22, %C3%A9t%C3%A9",
                IgnoredFieldsHeader.value(List.of("a\r\nX-Evil: 1", "b, c", "\"\"", "été")));
        assertEquals("\"\"", IgnoredFieldsHeader.value(List.of("")), "the empty name");
    }

    @Test
    void cutsLongNamesAndListsAtMostThirtyTwo() {
        String value = IgnoredFieldsHeader.value(List.of("x".repeat(10_000)));
        assertEquals(IgnoredFieldsHeader.MAX_NAME_LENGTH, value.length());
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "f" + i).toList();
        String listed = IgnoredFieldsHeader.value(many);
        assertTrue(listed.startsWith("f0, f1, ") && listed.endsWith(", f31, +68 more"), listed);
    }
}
