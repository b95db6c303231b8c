package dev.confab.localcloud;

import dev.confab.launcher.CommandLauncher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Confab processes from the same launcher (same JVM binary, same class path: {@link CommandLauncher},
 * which gives each its JVM options and class-data-sharing archive) and stops all of them, newest first,
 * on {@link #stopAll()}. A supervised child that exits with code 75 (a Conferencing Node asking to
 * restart into configured mode) is started again. Thread-safe.
 */
public final class ChildProcesses {

    /** The exit code with which a child asks to be started again. */
    public static final int RESTART_EXIT_CODE = 75;

    private final List<Supervised> running = new ArrayList<>();
    private final CommandLauncher launcher;
    private boolean stopping;

    /** Children on this JVM's class path, with the archives of the launcher that started it. */
    public ChildProcesses() {
        this.launcher = CommandLauncher.fromEnvironment();
    }

    /** Starts {@code confab <arguments>} with its output appended to {@code log}. */
    public synchronized Process start(List<String> arguments, Path log) throws IOException {
        return startSupervised(arguments, log).current();
    }

    /** Starts {@code confab <arguments>} and starts it again whenever it exits with {@value #RESTART_EXIT_CODE}. */
    public synchronized Supervised startSupervised(List<String> arguments, Path log) throws IOException {
        Supervised child = new Supervised(arguments, log);
        running.add(child);
        return child;
    }

    /** Asks every child to stop (SIGTERM), waits up to 10 s each, then kills what is left. */
    public void stopAll() {
        List<Supervised> children;
        synchronized (this) {
            stopping = true;
            children = new ArrayList<>(running);
            running.clear();
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).current().destroy();
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).awaitStopped();
        }
        synchronized (this) {
            stopping = false;
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** One child and its restarts; {@link #current()} is the process running now. */
    public final class Supervised {
        private volatile CommandLauncher.Launched launched;
        private volatile int restarts;

        private Supervised(List<String> arguments, Path log) throws IOException {
            launched = launcher.start(arguments, log);
            Thread watcher = new Thread(() -> watch(arguments, log), "confab-supervisor");
            watcher.setDaemon(true);
            watcher.start();
        }

        private void watch(List<String> arguments, Path log) {
            try {
                while (launched.awaitExit() == RESTART_EXIT_CODE && !isStopping()) {
                    launched = launcher.start(arguments, log);
                    restarts++;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot restart " + arguments, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public Process current() {
            return launched.process();
        }

        /** How many times the child was started again after asking for it. */
        public int restarts() {
            return restarts;
        }

        void awaitStopped() {
            CommandLauncher.Launched last = launched;
            try {
                if (!last.process().waitFor(10, TimeUnit.SECONDS)) {
                    last.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                if (!last.process().isAlive()) {
                    last.classDataSharing().finish(last.process().exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last.process().destroyForcibly();
            }
        }
    }
}
