package dev.confab.management.cli;

import dev.confab.management.ManagementException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The password of {@code --admin-password-file}, read when asked for: the Management Node asks only
 * while its store has no web administration account, so the file may be deleted after the first
 * start. Trailing line breaks and spaces are not part of the password.
 */
final class AdminPasswordFile implements Supplier<char[]> {

    private final Path file;

    AdminPasswordFile(Path file) {
        this.file = file;
    }

    @Override
    public char[] get() {
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new ManagementException("The --admin-password-file " + file + " is empty: write the password"
                        + " of the web administration account into it.");
            }
            return password.toCharArray();
        } catch (NoSuchFileException e) {
            throw new ManagementException("The store has no web administration account yet, and the"
                    + " --admin-password-file " + file + " does not exist: create it (mode 0600) with the password"
                    + " of the account to create.", e);
        } catch (IOException e) {
            throw new ManagementException("The --admin-password-file " + file + " cannot be read: " + e.getMessage(),
                    e);
        }
    }
}
