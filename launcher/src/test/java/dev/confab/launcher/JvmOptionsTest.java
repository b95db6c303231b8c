package dev.confab.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmOptionsTest {

    @Test
    void takesTheLineOfTheCommandAndIgnoresCommentsAndOtherCommands() {
        String file = """
                # management-agent -Xmx1g
                management-agent   -XX:+UseParallelGC  -Xmx192m
                conferencing-agent -Xmx64m
                """;
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx192m"), JvmOptions.of("management-agent", file));
        assertEquals(List.of("-Xmx64m"), JvmOptions.of("conferencing-agent", file));
        assertEquals(List.of(), JvmOptions.of("installer", file));
    }

    @Test
    void theShippedFileCapsTheHeapOfBothAgents() {
        assertTrue(JvmOptions.of("management-agent").stream().anyMatch(option -> option.startsWith("-Xmx")));
        assertTrue(JvmOptions.of("conferencing-agent").stream().anyMatch(option -> option.startsWith("-Xmx")));
    }
}
