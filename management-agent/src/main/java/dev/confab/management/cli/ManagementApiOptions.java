package dev.confab.management.cli;

import dev.confab.management.ManagementException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a command reaches a Management Node's management API: its URL, the web administration user,
 * the password (from a file, else from {@value #PASSWORD_VARIABLE}, never from the command line,
 * where other users of the host could read it), and the certificate to trust.
 */
public final class ManagementApiOptions {

    /** The environment variable that may hold the password instead of a file. */
    public static final String PASSWORD_VARIABLE = "CONFAB_PASSWORD";

    @Option(names = "--url", required = true,
            description = "The Management Node's administrator interface, such as https://10.0.0.10/.")
    String url;

    @Option(names = "--user", defaultValue = "admin",
            description = "Web administration user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-file",
            description = "File holding that user's password (keep it mode 0600); without it, the password is read"
                    + " from the environment variable " + PASSWORD_VARIABLE + ".")
    Path passwordFile;

    @Option(names = "--ca-file",
            description = "PEM certificate to trust for the Management Node: its self-signed certificate"
                    + " (pki/https-selfsigned.crt in its data directory) or the CA of the one it presents;"
                    + " without it, the JVM's trusted CAs.")
    Path caFile;

    /** A client of the API these options name. */
    ManagementApiClient client() {
        return new ManagementApiClient(url, caFile, user, password());
    }

    private String password() {
        if (passwordFile != null) {
            try {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
                if (password.isEmpty()) {
                    throw new ManagementException("The --password-file " + passwordFile + " is empty: write the"
                            + " password of " + user + " into it.");
                }
                return password;
            } catch (IOException e) {
                throw new ManagementException("The --password-file " + passwordFile + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new ManagementException("Give the password of " + user + " in a file (--password-file) or in the"
                    + " environment variable " + PASSWORD_VARIABLE + ".");
        }
        return password;
    }
}
