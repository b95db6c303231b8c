package dev.confab.shared.ipsec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code swanctl --load-all} or {@code --terminate} (with {@code --uri} when set, and
 * {@code SWANCTL_DIR} pointing at the settings' directory) when the swanctl program is installed and
 * charon listens on the vici socket; otherwise the configuration is only rendered (strongSwan's own service loads the
 * directory when it starts). Stateless and thread-safe.
 */
public final class SwanctlLoader {

    private static final long TIMEOUT_SECONDS = 30;
    private static final String DEFAULT_SOCKET = "/var/run/charon.vici";

    /** What a load did. */
    public enum Status { LOADED, SKIPPED, FAILED }

    /** The outcome and swanctl's output (or why nothing ran). */
    public record Outcome(Status status, String output) {
    }

    private final SwanctlSettings settings;

    public SwanctlLoader(SwanctlSettings settings) {
        this.settings = settings;
    }

    /** The swanctl program to run, if one is installed. */
    public Optional<Path> binary() {
        if (!settings.binary().isEmpty()) {
            Path configured = Path.of(settings.binary());
            return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "swanctl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The local vici socket the URI names; empty for a TCP URI, which is only known by trying. */
    Optional<Path> socket() {
        if (settings.uri().isEmpty()) {
            return Optional.of(Path.of(DEFAULT_SOCKET));
        }
        return settings.uri().startsWith("unix://")
                ? Optional.of(Path.of(settings.uri().substring("unix://".length())))
                : Optional.empty();
    }

    /** Loads the directory's connections and credentials, replacing (and unloading) what was loaded before. */
    public Outcome load() {
        return run(List.of("--load-all"));
    }

    /**
     * Closes the SAs of {@code connection}: unloading a connection leaves its SAs up, and a node that
     * left the mesh (deleted, its certificate revoked) must lose its tunnel at once. LOADED when swanctl
     * ran, whether or not there was an SA to close.
     */
    public Outcome terminate(String connection) {
        Outcome outcome = run(List.of("--terminate", "--ike", connection, "--force", "--timeout", "5"));
        return outcome.output().contains("no matching SAs") ? new Outcome(Status.LOADED, outcome.output()) : outcome;
    }

    private Outcome run(List<String> arguments) {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            return new Outcome(Status.SKIPPED, "swanctl is not installed"
                    + (settings.binary().isEmpty() ? "" : " at " + settings.binary()));
        }
        Optional<Path> socket = socket();
        if (socket.isPresent() && !Files.exists(socket.get())) {
            return new Outcome(Status.SKIPPED, "charon is not running (no vici socket at " + socket.get() + ")");
        }
        List<String> command = new ArrayList<>(List.of(binary.get().toString()));
        command.addAll(arguments);
        if (!settings.uri().isEmpty()) {
            command.addAll(List.of("--uri", settings.uri()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SWANCTL_DIR", settings.directory().toAbsolutePath().toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // the output is small; reading it before waiting keeps a full pipe from blocking swanctl
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(Status.FAILED, "swanctl did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Outcome(process.exitValue() == 0 ? Status.LOADED : Status.FAILED, output);
        } catch (IOException e) {
            return new Outcome(Status.FAILED, "swanctl could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Status.FAILED, "interrupted while swanctl ran");
        }
    }
}
