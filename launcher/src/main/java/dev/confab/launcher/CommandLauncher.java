package dev.confab.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts one {@code confab} command in a JVM of its own, as the shell launchers do: this JVM's
 * {@code java}, the command's {@link JvmOptions}, its {@link ClassDataSharing} options, the class
 * path, {@link ConfabMain}, and fewer malloc arenas ({@code MALLOC_ARENA_MAX=2}) unless the
 * environment names its own number. Supervising what it started is the caller's. Thread-safe.
 */
public final class CommandLauncher {

    /** Makes a process's command line from its {@code confab} arguments and its class-data-sharing options. */
    @FunctionalInterface
    public interface CommandLine {
        List<String> of(List<String> arguments, List<String> sharingOptions);
    }

    private final String classPath;
    private final ClassDataSharing classDataSharing;
    private final CommandLine commandLine;

    /** Commands on {@code classPath}, with the archives of {@code classDataSharing}. */
    public CommandLauncher(String classPath, ClassDataSharing classDataSharing) {
        this.classPath = classPath;
        this.classDataSharing = classDataSharing;
        this.commandLine = this::confab;
    }

    /** Processes whose command line {@code commandLine} makes (a supervisor's tests start plain commands). */
    public CommandLauncher(String classPath, ClassDataSharing classDataSharing, CommandLine commandLine) {
        this.classPath = classPath;
        this.classDataSharing = classDataSharing;
        this.commandLine = commandLine;
    }

    /** Commands on this JVM's class path, with the archives of the launcher that started it. */
    public static CommandLauncher fromEnvironment() {
        return new CommandLauncher(System.getProperty("java.class.path"), ClassDataSharing.fromEnvironment());
    }

    /** Starts {@code confab <arguments>} with its output, both streams, appended to {@code log}. */
    public Launched start(List<String> arguments, Path log) throws IOException {
        ClassDataSharing.Run sharing = classDataSharing.prepare(arguments.get(0), Arrays.stream(
                classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty()).map(Path::of).toList());
        ProcessBuilder builder = new ProcessBuilder(commandLine.of(arguments, sharing.options()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return new Launched(builder.start(), sharing);
    }

    /** {@code confab <arguments>} on this JVM and the class path, with the command's JVM options. */
    private List<String> confab(List<String> arguments, List<String> sharingOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JvmOptions.of(arguments.get(0)));
        command.addAll(sharingOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(ConfabMain.class.getName());
        command.addAll(arguments);
        return command;
    }

    /** A started command and the class-data sharing of its run. */
    public record Launched(Process process, ClassDataSharing.Run classDataSharing) {

        /** Waits for the process to exit, then puts the archive it wrote in place; its exit code. */
        public int awaitExit() throws InterruptedException {
            int exitCode = process.waitFor();
            classDataSharing.finish(exitCode);
            return exitCode;
        }
    }
}
