package dev.confab.localcloud;

import dev.confab.launcher.CommandLauncher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts Confab processes from the same launcher (same JVM binary, same class path, each command's
 * JVM options and class-data-sharing archive: {@link CommandLauncher}) and stops all
 * of them, newest first, on {@link #stopAll()}. Every child is supervised: one that exits with code
 * 75 (a Conferencing Node asking to restart into configured mode) is started again at once; one that
 * exits with any other code, unasked, is reported on the console (which process, its exit code, how
 * long it ran, when it starts again) and started again after a {@link RestartBackoff} (1 s doubling
 * to 30 s, back to 1 s after a minute of running), without end. A child stopped by SIGTERM or SIGINT
 * from outside was stopped on purpose: that is reported and it is left stopped. Stopping through
 * {@link #stopAll()} is no crash and is not reported. A child started with {@link #startOnce} is
 * not supervised: whichever way it exits, it is not started again. Thread-safe.
 */
public final class ChildProcesses {

    /** The exit code with which a child asks to be started again. */
    public static final int RESTART_EXIT_CODE = 75;
    /** Exit codes of a JVM stopped by SIGINT or SIGTERM (128 + the signal). */
    private static final int SIGINT_EXIT_CODE = 130;
    private static final int SIGTERM_EXIT_CODE = 143;

    private final List<Supervised> running = new ArrayList<>();
    private final CommandLauncher launcher;
    private final RestartBackoff backoff;
    private final Consumer<String> console;

    /** Children on this JVM's class path, with the archives of the launcher that started it. */
    public ChildProcesses() {
        this(CommandLauncher.fromEnvironment(), RestartBackoff.DEMO, System.out::println);
    }

    ChildProcesses(CommandLauncher launcher, RestartBackoff backoff, Consumer<String> console) {
        this.launcher = launcher;
        this.backoff = backoff;
        this.console = console;
    }

    /** Starts {@code confab <arguments>} with its output appended to {@code log}. */
    public synchronized Process start(List<String> arguments, Path log) throws IOException {
        return startSupervised(arguments, log).current();
    }

    /** Starts {@code confab <arguments>}, supervised: started again when it asks for it or crashes. */
    public synchronized Supervised startSupervised(List<String> arguments, Path log) throws IOException {
        Supervised child = new Supervised(arguments, log, true);
        running.add(child);
        return child;
    }

    /**
     * Starts {@code confab <arguments>}, unsupervised: whichever way it exits, even killed, it is
     * neither reported nor started again, as when the caller ends it itself and starts the next one
     * when it chooses (an outage of a set length). {@link #stopAll()} stops it like the others.
     */
    public synchronized Process startOnce(List<String> arguments, Path log) throws IOException {
        Supervised child = new Supervised(arguments, log, false);
        running.add(child);
        return child.current();
    }

    /** Stops one child for good (SIGTERM, SIGKILL after 10 s), unreported, and forgets it. */
    public void stop(Supervised child) {
        synchronized (this) {
            running.remove(child);
        }
        child.stop();
        child.awaitStopped();
    }

    /** Asks every child to stop (SIGTERM), waits up to 10 s each, then kills what is left. */
    public void stopAll() {
        List<Supervised> children;
        synchronized (this) {
            children = new ArrayList<>(running);
            running.clear();
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).stop();
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).awaitStopped();
        }
    }

    /** A child process, when it started, and its launch (null for a process that was not started anew). */
    private record Launched(Process process, Instant started, CommandLauncher.Launched run) {

        /** Waits for the process to exit, then puts the archive it wrote in place; its exit code. */
        int awaitExit() throws InterruptedException {
            return run == null ? process.waitFor() : run.awaitExit();
        }
    }

    private Launched launch(List<String> arguments, Path log) throws IOException {
        CommandLauncher.Launched run = launcher.start(arguments, log);
        return new Launched(run.process(), Instant.now(), run);
    }

    /** One child and its restarts; {@link #current()} is the process running now. */
    public final class Supervised {
        private final List<String> arguments;
        private final Path log;
        private final boolean restarting;
        private final CountDownLatch stopped = new CountDownLatch(1);
        // guarded by this: no new process once stopped
        private Launched launched;
        private volatile int restarts;
        private volatile int crashes;

        private Supervised(List<String> arguments, Path log, boolean restarting) throws IOException {
            this.arguments = List.copyOf(arguments);
            this.log = log;
            this.restarting = restarting;
            launched = launch(arguments, log);
            Thread watcher = new Thread(this::watch, "confab-supervisor");
            watcher.setDaemon(true);
            watcher.start();
        }

        private void watch() {
            Duration delay = null;
            try {
                while (true) {
                    Launched run = launched();
                    int exitCode = run.awaitExit();
                    if (isStopped() || !restarting) {
                        return;
                    }
                    if (exitCode == RESTART_EXIT_CODE) {
                        delay = null;
                        if (relaunch(run)) {
                            restarts++;
                        }
                        continue;
                    }
                    if (exitCode == SIGINT_EXIT_CODE || exitCode == SIGTERM_EXIT_CODE) {
                        console.accept(describe(run) + " was stopped by " + (exitCode == SIGINT_EXIT_CODE ? "SIGINT"
                                : "SIGTERM") + " from outside (exit code " + exitCode + "); it is not started again.");
                        return;
                    }
                    delay = backoff.next(delay, Duration.between(run.started(), Instant.now()));
                    console.accept(describe(run) + " exited with code " + exitCode + signal(exitCode) + " after "
                            + seconds(Duration.between(run.started(), Instant.now())) + "; starting it again in "
                            + seconds(delay) + ".");
                    if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    if (relaunch(run)) {
                        crashes++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Starts the child again unless it was stopped meanwhile; a failure to start counts as a crash. */
        private boolean relaunch(Launched previous) {
            synchronized (this) {
                if (isStopped()) {
                    return false;
                }
                try {
                    launched = launch(arguments, log);
                    return true;
                } catch (IOException e) {
                    console.accept(describe(previous) + " could not be started again: " + e.getMessage());
                    // the next round reports it as a crash and waits before trying again
                    launched = new Launched(previous.process(), Instant.now(), null);
                    return false;
                }
            }
        }

        private synchronized Launched launched() {
            return launched;
        }

        private boolean isStopped() {
            return stopped.getCount() == 0;
        }

        private String describe(Launched run) {
            return arguments.get(0) + " (PID " + run.process().pid() + ", log " + log + ")";
        }

        public Process current() {
            return launched().process();
        }

        /** How many times the child was started again after asking for it. */
        public int restarts() {
            return restarts;
        }

        /** How many times the child was started again after it exited unasked. */
        public int crashes() {
            return crashes;
        }

        /** Stops the child for good: no crash, no restart (SIGTERM; {@link #awaitStopped} waits). */
        void stop() {
            Launched last;
            synchronized (this) {
                stopped.countDown();
                last = launched;
            }
            last.process().destroy();
        }

        void awaitStopped() {
            Launched last = launched();
            try {
                if (!last.process().waitFor(10, TimeUnit.SECONDS)) {
                    last.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                if (!last.process().isAlive() && last.run() != null) {
                    last.run().classDataSharing().finish(last.process().exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last.process().destroyForcibly();
            }
        }
    }

    /** {@code " (signal N)"} for the exit code of a process a signal ended, else nothing. */
    private static String signal(int exitCode) {
        return exitCode > 128 && exitCode < 128 + 65 ? " (signal " + (exitCode - 128) + ")" : "";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
