package dev.confab.localcloud;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Confab processes from the same launcher (same JVM binary, same class path) and stops all
 * of them, newest first, on {@link #stopAll()}. Thread-safe.
 */
public final class ChildProcesses {

    private final List<Process> running = new ArrayList<>();

    /** Starts {@code confab <arguments>} with its output appended to {@code log}. */
    public synchronized Process start(List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ConfabMain.class.getName());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        running.add(process);
        return process;
    }

    /** Asks every child to stop (SIGTERM), waits up to 10 s each, then kills what is left. */
    public synchronized void stopAll() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).destroy();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            Process process = running.get(i);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        running.clear();
    }
}
