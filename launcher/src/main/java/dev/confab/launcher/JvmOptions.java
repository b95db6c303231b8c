package dev.confab.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options of each Confab command, from {@code jvm.options} (the same file the shell
 * launchers read): a line {@code <command> <options…>} per command; {@code #} starts a comment.
 */
public final class JvmOptions {

    private static final String RESOURCE = "jvm.options";

    private JvmOptions() {
    }

    /** The options for {@code command}, empty when the file names none. */
    public static List<String> of(String command) {
        return of(command, read());
    }

    static List<String> of(String command, String file) {
        return file.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .filter(words -> words[0].equals(command))
                .findFirst()
                .map(words -> List.copyOf(Arrays.asList(words).subList(1, words.length)))
                .orElse(List.of());
    }

    private static String read() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path beside "
                        + JvmOptions.class.getName() + "; rebuild Confab");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
