package dev.confab.installer.apply;

import dev.confab.installer.InstallerConfig;
import dev.confab.installer.InstallerException;
import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.AnswersJson;
import dev.confab.shared.internal.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Applies validated answers: renders the system files, initialises the data directory, and writes
 * the Management Node's configuration file last, atomically and owner-only, so a node counts as
 * installed only once everything else is in place. Then runs the restart command.
 */
public final class Installation {

    private final InstallerConfig config;

    public Installation(InstallerConfig config) {
        this.config = config;
    }

    /** Writes everything; throws, with the configuration file unwritten, when any step fails. */
    public void write(Answers answers) {
        config.requireInstallable();
        try {
            for (Map.Entry<String, String> file : InstallerSystemFiles.render(answers).entrySet()) {
                writeFile(config.systemRoot().resolve(file.getKey()), file.getValue(), SecureFiles.PUBLIC);
            }
            if (answers.adminPassword() != null) {
                new AdminPasswordFile(config.systemRoot()).set(answers.adminPassword());
            }
            DataDirectorySetup.initialise(config.dataDir(), answers, config.clock());
            writeFile(config.configurationFile(), AnswersJson.write(AnswersJson.toObject(answers)
                    .put("format", 1)), SecureFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new InstallerException("Cannot write the installation: " + e + ". The node is not installed;"
                    + " fix the cause and run the installer again.", e);
        }
    }

    /** Runs the restart command; a failure is reported, the installation stays written. */
    public void restart() {
        try {
            Process process = new ProcessBuilder(config.restartCommand()).inheritIO().start();
            int status = process.waitFor();
            if (status != 0) {
                throw new InstallerException("The node is installed, but the restart command "
                        + String.join(" ", config.restartCommand()) + " failed (exit " + status + "); restart it by hand.");
            }
        } catch (IOException e) {
            throw new InstallerException("The node is installed, but the restart command "
                    + String.join(" ", config.restartCommand()) + " could not run (" + e.getMessage()
                    + "); restart it by hand.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallerException("Interrupted while restarting; restart the node by hand.", e);
        }
    }

    private static void writeFile(Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        SecureFiles.writeAtomically(target, content.getBytes(StandardCharsets.UTF_8), permissions);
    }
}
