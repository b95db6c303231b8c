package dev.confab.management.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing acknowledged is lost: a process writing from 16 threads at once (so that writes share
 * their commits) is killed with SIGKILL in mid-stream, and every write it had acknowledged is in
 * the store when it is opened again.
 */
@Timeout(120)
class GroupCommitDurabilityIT {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;

    @Test
    void everyWriteAcknowledgedBeforeAKillIsInTheStoreAfterIt(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("confab.db");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(),
                database.toString(), "16").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<Integer> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged.add(Integer.parseInt(line.substring("ack ".length())));
            }
            // SIGKILL by hand: Process.destroyForcibly would close the output still to be read
            assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(writer.pid())).start().waitFor());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            // what it printed before it died was acknowledged too
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(Integer.parseInt(line.substring("ack ".length())));
                }
            }
        }
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, "the writer acknowledged " + acknowledged.size());

        try (Store store = Store.open(database)) {
            List<Integer> stored = store.read(handle -> handle.createQuery("SELECT id FROM acknowledged")
                    .mapTo(Integer.class).list());
            Set<Integer> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "acknowledged but not in the store");
        }
    }
}
