package dev.confab.installer.wizard;

import java.util.Optional;

/**
 * The minimum strength of a new password: at least {@value #MIN_LENGTH} characters mixing at least
 * three of lowercase letters, uppercase letters, digits and other characters, or a passphrase of
 * at least {@value #PASSPHRASE_LENGTH} characters; never the user name. Stateless.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int PASSPHRASE_LENGTH = 16;

    private PasswordPolicy() {
    }

    /** Empty when {@code password} is strong enough for {@code user}; else why not. */
    public static Optional<String> check(String user, char[] password) {
        String text = new String(password);
        if (text.equalsIgnoreCase(user)) {
            return Optional.of("The password must not be the user name.");
        }
        if (password.length >= PASSPHRASE_LENGTH) {
            return Optional.empty();
        }
        if (password.length < MIN_LENGTH) {
            return Optional.of("The password is too short: use at least " + MIN_LENGTH + " characters (mixing letters,"
                    + " digits and symbols) or a passphrase of " + PASSPHRASE_LENGTH + " or more.");
        }
        int kinds = (text.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (text.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (text.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (text.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        return kinds >= 3 ? Optional.empty() : Optional.of("The password is too simple: mix at least three of"
                + " lowercase letters, uppercase letters, digits and symbols, or use a passphrase of "
                + PASSPHRASE_LENGTH + " or more characters.");
    }

    /** Asks for a new password twice until it is strong enough and both entries match. */
    static char[] askNew(Prompter prompter, String user, String prompt) {
        while (true) {
            char[] first = prompter.secret(prompt + ": ");
            Optional<String> weak = check(user, first);
            if (weak.isPresent()) {
                prompter.say("  " + weak.get());
                continue;
            }
            char[] second = prompter.secret("Retype " + Character.toLowerCase(prompt.charAt(0)) + prompt.substring(1) + ": ");
            if (java.util.Arrays.equals(first, second)) {
                java.util.Arrays.fill(second, '\0');
                return first;
            }
            prompter.say("  The passwords do not match; enter the same password twice.");
        }
    }
}
