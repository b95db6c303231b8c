package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the node's log says when its maintenance mode changes: what the node does about it (it takes
 * no new conferences, and reports it to the Management Node). Read from the console, where the test
 * logging configuration writes.
 */
class ReplicaMaintenanceLogTest {

    private static final String FQDN = "lon-cn1.example.com";

    @Test
    void logsThatMaintenanceModeIsReportedAndClaimsNothingAboutCalls(@TempDir Path dir) {
        Replica replica = Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of());
        replica.apply(ReplicaTest.config(3, false, true).snapshot());

        String on = console(() -> replica.apply(ReplicaTest.config(4, true, true)
                .since(ReplicaTest.config(3, false, true))));
        String off = console(() -> replica.apply(ReplicaTest.config(5, false, true)
                .since(ReplicaTest.config(4, true, true))));

        assertTrue(on.contains("Maintenance mode on (patching): this node takes no new conferences and reports itself"
                + " in maintenance mode to the Management Node"), on);
        assertTrue(off.contains("Maintenance mode off: this node takes new conferences again and reports itself out of"
                + " maintenance mode to the Management Node"), off);
    }

    private static String console(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
