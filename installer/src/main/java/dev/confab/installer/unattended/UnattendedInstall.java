package dev.confab.installer.unattended;

import dev.confab.installer.InstallerConfig;
import dev.confab.installer.answers.AnswerError;
import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.AnswersJson;
import dev.confab.installer.answers.AnswersValidator;
import dev.confab.installer.answers.InvalidAnswersException;
import dev.confab.installer.apply.Installation;

import java.util.List;

/**
 * Installs from {@code management_node_config} JSON (an answers file or the instance's user
 * data) with exactly the wizard's checks. Invalid answers change nothing and are all reported.
 */
public final class UnattendedInstall {

    private final InstallerConfig config;

    public UnattendedInstall(InstallerConfig config) {
        this.config = config;
    }

    /** Parses, validates and writes the answers, then restarts the node. */
    public Answers install(String json) {
        config.requireInstallable();
        Answers answers = AnswersJson.parse(json);
        List<AnswerError> errors = new AnswersValidator(config.probes()).validate(answers);
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        Installation installation = new Installation(config);
        installation.write(answers);
        installation.restart();
        return answers;
    }
}
