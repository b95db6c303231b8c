package dev.confab.localcloud;

import dev.confab.launcher.ClassDataSharing;
import dev.confab.launcher.CommandLauncher;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's supervisor with real child processes (tiny shell commands instead of Confab, so that a
 * crash is quick to make): a child that dies is reported and started again with a growing wait;
 * one stopped by the supervisor or from outside is not. Each test stops only the processes it
 * started, through their handles (by PID).
 */
@Timeout(30)
class ChildProcessesIT {

    /** Short waits, so that four crashes take about a second: 100, 200, 400, 400 ms … */
    static final RestartBackoff QUICK = new RestartBackoff(Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMinutes(1));

    final List<String> console = Collections.synchronizedList(new ArrayList<>());
    ChildProcesses children;

    /** Children that run {@code sh -c script} whatever their arguments. */
    ChildProcesses running(String script) {
        children = new ChildProcesses(new CommandLauncher("", ClassDataSharing.off(),
                (arguments, sharingOptions) -> List.of("sh", "-c", script)), QUICK, console::add);
        return children;
    }

    @AfterEach
    void stopWhatTheTestStarted() {
        if (children != null) {
            children.stopAll();
        }
    }

    @Test
    void reportsAChildThatExitsWithOneAndStartsItAgainWithAGrowingWait(@TempDir Path dir) throws Exception {
        ChildProcesses.Supervised child = running("exit 1").startSupervised(List.of("conferencing-agent", "--data",
                "demo-cn1"), dir.resolve("demo-cn1.log"));
        Set<Long> pids = Collections.synchronizedSet(new HashSet<>());
        pids.add(child.current().pid());

        await(() -> {
            pids.add(child.current().pid());
            return console.size() >= 4;
        });

        List<String> reports = List.copyOf(console).subList(0, 4);
        List<String> waits = List.of("0.1 s", "0.2 s", "0.4 s", "0.4 s");
        for (int i = 0; i < 4; i++) {
            String report = reports.get(i);
            assertTrue(report.matches("conferencing-agent \\(PID \\d+, log " + dir.resolve("demo-cn1.log")
                    + "\\) exited with code 1 after \\d+(\\.\\d)? s; starting it again in " + waits.get(i)
                    .replace(".", "\\.") + "\\."), report);
        }
        assertTrue(child.crashes() >= 3, "started again after each crash: " + child.crashes());
        assertTrue(pids.size() >= 3, "each time a new process: " + pids);
        assertEquals(0, child.restarts(), "none asked to be restarted");
    }

    @Test
    void stopAllIsNoCrashAndStartsNothingAgain(@TempDir Path dir) throws Exception {
        ChildProcesses.Supervised child = running("exec sleep 30").startSupervised(List.of("conferencing-agent"),
                dir.resolve("child.log"));
        Process process = child.current();

        children.stopAll();

        assertFalse(process.isAlive());
        Thread.sleep(3 * QUICK.max().toMillis());
        assertEquals(List.of(), console, "nothing reported");
        assertEquals(process, child.current(), "nothing started again");
        assertEquals(0, child.crashes());
    }

    @Test
    void stopAllDuringTheWaitCancelsTheRestart(@TempDir Path dir) throws Exception {
        ChildProcesses.Supervised child = running("exit 3").startSupervised(List.of("management-agent"),
                dir.resolve("child.log"));
        await(() -> !console.isEmpty());
        Process crashed = child.current();

        children.stopAll();

        Thread.sleep(3 * QUICK.max().toMillis());
        assertEquals(crashed, child.current(), "not started again after stopAll");
        assertTrue(console.get(0).contains("exited with code 3"), console.toString());
    }

    @Test
    void aChildStartedOnceIsNeitherReportedNorStartedAgainWhenItIsKilled(@TempDir Path dir) throws Exception {
        Process process = running("exec sleep 30").startOnce(List.of("management-agent"), dir.resolve("child.log"));
        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));

        Thread.sleep(3 * QUICK.max().toMillis());
        assertEquals(List.of(), console, "nothing reported");
    }

    @Test
    void aChildStoppedFromOutsideByItsPidIsReportedAndLeftStopped(@TempDir Path dir) throws Exception {
        ChildProcesses.Supervised child = running("exec sleep 30").startSupervised(List.of("conferencing-agent"),
                dir.resolve("child.log"));
        Process process = child.current();

        process.destroy();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));

        await(() -> !console.isEmpty());
        assertEquals(List.of("conferencing-agent (PID " + process.pid() + ", log " + dir.resolve("child.log")
                + ") was stopped by SIGTERM from outside (exit code 143); it is not started again."), console);
        Thread.sleep(3 * QUICK.max().toMillis());
        assertEquals(process, child.current(), "not started again");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Await.atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(10)).until("the supervisor", condition::getAsBoolean);
    }
}
