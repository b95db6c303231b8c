package dev.confab.installer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code confab installer} (the admin's login program) from this test's classpath in a tmux terminal. */
public final class WizardProcess {

    private WizardProcess() {
    }

    public static TmuxSession start(Path data, Path root, Path restartMarker, Responders servers, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.confab.installer.cli.InstallerMain",
                "--data", data.toString(), "--system-root", root.toString(),
                "--restart-command", "'touch " + restartMarker + "'"));
        command.addAll(List.of(servers.probeOptions()));
        command.addAll(List.of(extra));
        return TmuxSession.start(command);
    }
}
