package dev.confab.installer.wizard;

import dev.confab.installer.InstallerConfig;
import dev.confab.installer.InstallerException;
import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.AnswersValidator;
import dev.confab.installer.apply.AdminPasswordFile;
import dev.confab.installer.apply.Installation;
import dev.confab.shared.crypto.ShaCrypt;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;

import java.util.Arrays;

/**
 * What the {@code admin} user gets at an SSH login to a new Management Node. First login: choose
 * the password (asked twice), then the session ends. Next logins: that password is asked again,
 * then the installation wizard runs; only its final confirmation writes anything. Ctrl-C or
 * Ctrl-D at any question ends the session with nothing changed.
 */
public final class LoginFlow {

    /** Exit statuses, as the login hook passes them on. */
    public static final int DONE = 0;
    public static final int REFUSED = 1;
    public static final int CANCELLED = 130;
    private static final int PASSWORD_TRIES = 3;

    private final InstallerConfig config;
    private final Prompter prompter;

    public LoginFlow(InstallerConfig config, Prompter prompter) {
        this.config = config;
        this.prompter = prompter;
    }

    public int run() {
        try {
            config.requireInstallable();
            AdminPasswordFile password = new AdminPasswordFile(config.systemRoot());
            if (password.hash().isEmpty()) {
                return choosePassword(password);
            }
            if (!confirmIdentity(password)) {
                return REFUSED;
            }
            Wizard wizard = new Wizard(prompter, new AnswersValidator(config.probes()));
            prompter.say("Confab Management Node installation. Press Enter to keep the value in brackets.");
            Answers answers = wizard.ask(CurrentValues.detect(config.systemRoot()), password.hash().orElseThrow());
            if (!wizard.confirm(answers)) {
                prompter.say("Nothing was changed. Log in again to run the installation wizard.");
                return REFUSED;
            }
            Installation installation = new Installation(config);
            installation.write(answers);
            prompter.say("Configuration written. Restarting the node; the web administration interface will be at"
                    + " https://" + answers.ip() + "/ as " + answers.user() + ".");
            installation.restart();
            return DONE;
        } catch (UserInterruptException | EndOfFileException e) {
            prompter.say("");
            prompter.say("Installation cancelled; nothing was changed.");
            return CANCELLED;
        } catch (InstallerException e) {
            prompter.say(e.getMessage());
            return REFUSED;
        }
    }

    private int choosePassword(AdminPasswordFile file) {
        prompter.say("You are required to change your password immediately.");
        char[] chosen = PasswordPolicy.askNew(prompter, "admin", "New password");
        file.set(ShaCrypt.hash(chosen));
        Arrays.fill(chosen, '\0');
        prompter.say("Password changed. Log in again to run the installation wizard.");
        return DONE;
    }

    private boolean confirmIdentity(AdminPasswordFile file) {
        for (int attempt = 1; attempt <= PASSWORD_TRIES; attempt++) {
            char[] typed = prompter.secret("[sudo] password for admin: ");
            boolean ok = file.matches(typed);
            Arrays.fill(typed, '\0');
            if (ok) {
                return true;
            }
            prompter.say(attempt < PASSWORD_TRIES ? "Sorry, try again." : "sudo: " + PASSWORD_TRIES
                    + " incorrect password attempts");
        }
        return false;
    }
}
