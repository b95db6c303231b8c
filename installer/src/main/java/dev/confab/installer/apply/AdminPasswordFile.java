package dev.confab.installer.apply;

import dev.confab.installer.InstallerException;
import dev.confab.shared.crypto.ShaCrypt;
import dev.confab.shared.internal.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code admin} user's password on a Management Node, as a SHA-512 crypt hash in
 * {@code etc/confab/admin-password} under the system root (mode 0600): set at the first SSH
 * login, asked again before the wizard runs, and applied to the account by the appliance.
 */
public final class AdminPasswordFile {

    /** Location relative to the system root. */
    public static final String PATH = "etc/confab/admin-password";

    private final Path file;

    public AdminPasswordFile(Path systemRoot) {
        this.file = systemRoot.resolve(PATH);
    }

    public Optional<String> hash() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(ShaCrypt::isSha512Crypt) : Optional.empty();
        } catch (IOException e) {
            throw new InstallerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean matches(char[] password) {
        return hash().map(hash -> ShaCrypt.verify(password, hash)).orElse(false);
    }

    public void set(String hash) {
        try {
            Files.createDirectories(file.getParent());
            SecureFiles.writeAtomically(file, (hash + "\n").getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new InstallerException("Cannot store the admin password in " + file + ": " + e.getMessage(), e);
        }
    }
}
