package dev.confab.installer.testing;

import dev.confab.shared.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program running in a real pseudo-terminal: a detached tmux session on a private tmux server.
 * Tests type into it as a person would and read the screen back. {@link #expect} waits for text
 * that appears after everything expected so far, so a repeated prompt is told from the first one.
 */
public final class TmuxSession implements AutoCloseable {

    private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)]");

    private final String socket = "confab-test-" + UUID.randomUUID();
    private int seen;

    private TmuxSession() {
    }

    /** Whether tmux can be run here. */
    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (words, none holding spaces) in a 200x50 terminal. */
    public static TmuxSession start(List<String> command) throws IOException, InterruptedException {
        TmuxSession session = new TmuxSession();
        String line = String.join(" ", command) + "; echo \"[exit $?]\"; sleep 300";
        session.tmux("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", line);
        return session;
    }

    /** Types {@code text} literally, then Enter. */
    public void line(String text) throws IOException, InterruptedException {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "main", "-l", "--", text);
        }
        tmux("send-keys", "-t", "main", "Enter");
    }

    public void ctrlC() throws IOException, InterruptedException {
        tmux("send-keys", "-t", "main", "C-c");
    }

    /** Waits until {@code text} shows after what was expected before; returns the screen up to it. */
    public String expect(String text) throws InterruptedException {
        String passed = Await.atMost(Duration.ofSeconds(20)).showing(() -> screen().substring(seen))
                .until("\"" + text + "\" on the terminal", () -> {
                    String screen = screen();
                    int at = screen.indexOf(text, seen);
                    return at < 0 ? null : screen.substring(seen, at + text.length());
                });
        seen += passed.length();
        return passed;
    }

    /** Waits for the program to end and returns its exit status. */
    public int exitStatus() throws IOException, InterruptedException {
        String passed = expect("[exit ");
        Matcher matcher = EXIT.matcher(screen().substring(seen - "[exit ".length()));
        if (!matcher.find()) {
            throw new AssertionError("No exit status after: " + passed);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Everything the terminal has shown, wrapped lines joined. */
    public String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "main");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    /** Ends the program and the private tmux server. */
    @Override
    public void close() throws IOException {
        Process kill = new ProcessBuilder("tmux", "-L", socket, "kill-server").start();
        try {
            kill.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
