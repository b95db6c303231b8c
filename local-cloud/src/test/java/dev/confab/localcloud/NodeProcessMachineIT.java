package dev.confab.localcloud;

import dev.confab.launcher.ClassDataSharing;
import dev.confab.launcher.CommandLauncher;
import dev.confab.localcloud.ec2.InstanceFile;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An EC2 instance's machine in the demo: powered on, its Conferencing Node runs as a supervised child
 * (a shell command stands in for the agent); powered off, that child is stopped for good, unreported,
 * and a later power-on starts a new one.
 */
@Timeout(30)
class NodeProcessMachineIT {

    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> launched = Collections.synchronizedList(new ArrayList<>());
    private ChildProcesses children;

    @AfterEach
    void stopWhatTheTestStarted() {
        if (children != null) {
            children.stopAll();
        }
    }

    @Test
    void runsTheNodeWhilePoweredOnAndStopsItForGood(@TempDir Path dir) throws Exception {
        Path marks = dir.resolve("marks");
        // the stand-in agent notes its start and its SIGTERM
        String agent = "echo started >> " + marks + "; trap 'echo stopped >> " + marks + "; exit 0' TERM;"
                + " while true; do sleep 0.1; done";
        children = new ChildProcesses(new CommandLauncher("", ClassDataSharing.off(), (arguments, sharing) -> {
            launched.add(List.copyOf(arguments));
            return List.of("sh", "-c", agent);
        }), new RestartBackoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1)), console::add);
        NodeProcessMachine machine = new NodeProcessMachine(children, new InstanceFile.NodeProcess(
                dir.resolve("demo-cn3"), dir.resolve("demo-cn3-root"), "127.0.1.3", dir.resolve("demo-cn3.log")));

        machine.powerOn();
        assertEquals(List.of("conferencing-agent", "--data", dir.resolve("demo-cn3").toString(), "--system-root",
                dir.resolve("demo-cn3-root").toString(), "--bind", "127.0.1.3"), launched.get(0));
        machine.powerOn();
        assertEquals(1, launched.size(), "powering on a running machine starts nothing more");
        Await.atMost(Duration.ofSeconds(10)).until("the agent started", () -> Files.exists(marks));

        machine.powerOff();
        assertEquals(List.of("started", "stopped"), Files.readAllLines(marks), "stopped with SIGTERM before it returns");
        Thread.sleep(300);
        assertEquals(1, launched.size(), "a machine powered off is not started again");
        assertEquals(List.of(), console, "stopping it is no crash to report");

        machine.powerOn();
        assertEquals(2, launched.size(), "powered on again, a new process");
    }
}
