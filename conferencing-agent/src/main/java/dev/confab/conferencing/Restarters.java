package dev.confab.conferencing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The ways a node restarts onto a newly enrolled certificate (into configured mode, or after
 * enrolling again): run the configured command ({@code systemctl reboot}
 * on an appliance), or, with none, exit with {@link ConferencingAgent#RESTART_EXIT_CODE} so that the
 * supervisor ({@code ./confab}'s loop, the demo, or systemd with {@code RestartForceExitStatus=75})
 * starts the agent again. A Java process cannot replace itself in place, and a child it spawned
 * would escape its supervisor, hence the exit code.
 */
public final class Restarters {

    private static final Logger LOG = LoggerFactory.getLogger(Restarters.class);

    private Restarters() {
    }

    public static Restarter of(List<String> command) {
        return command.isEmpty() ? Restarters::exitForRestart : () -> run(command);
    }

    private static void exitForRestart() {
        LOG.info("Restarting onto the enrolled certificate (exit code {})", ConferencingAgent.RESTART_EXIT_CODE);
        System.exit(ConferencingAgent.RESTART_EXIT_CODE);
    }

    private static void run(List<String> command) {
        LOG.info("Restarting onto the enrolled certificate: {}", String.join(" ", command));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                LOG.error("The restart command {} failed with exit code {}; restart the node by hand", command, exit);
            }
        } catch (IOException e) {
            LOG.error("The restart command {} cannot run ({}); restart the node by hand", command, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
