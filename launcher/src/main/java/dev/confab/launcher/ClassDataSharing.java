package dev.confab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Class-data sharing for the commands that must start quickly, as the shell launchers do it ({@code cds.sh})
 * and {@link CommandLauncher} for the processes it starts ({@code confab demo}):
 * the JVM maps an archive of the classes a command loads ({@code <directory>/<command>.jsa}) instead of
 * reading and verifying them from the jars. A run without a fresh archive writes one when the JVM exits
 * ({@code -XX:ArchiveClassesAtExit}, to a temporary name) and {@link Run#finish} puts it in place. An
 * archive is fresh while no jar of the class path (nor of their manifests' {@code Class-Path}) and no
 * file of the JDK changed after it was written: the JVM ignores an archive of other jars or another JDK.
 */
public final class ClassDataSharing {

    /** Where the launchers keep the archives; they set it for the processes they start. */
    public static final String DIRECTORY_VARIABLE = "CONFAB_CDS_DIR";
    /** The commands that get an archive: the conferencing agent, whose start an operator waits for. */
    static final Set<String> COMMANDS = Set.of("conferencing-agent");
    /** Exit codes of runs that did their work (configured: 75; stopped: SIGINT, SIGTERM), whose archive is kept. */
    static final Set<Integer> TRAINED_EXIT_CODES = Set.of(75, 130, 143);

    private static final AtomicLong TRAINING_RUNS = new AtomicLong();

    private final Path directory;
    private final Path javaHome;

    ClassDataSharing(Path directory, Path javaHome) {
        this.directory = directory;
        this.javaHome = javaHome;
    }

    /**
     * The archives in {@value #DIRECTORY_VARIABLE} for this JVM's JDK; none when it is not set or when
     * {@code CONFAB_JAVA_OPTS} has options of its own for class-data sharing ({@code -Xshare:off}).
     */
    public static ClassDataSharing fromEnvironment() {
        return of(System.getenv(DIRECTORY_VARIABLE), System.getenv("CONFAB_JAVA_OPTS"),
                Path.of(System.getProperty("java.home")));
    }

    static ClassDataSharing of(String directory, String javaOptions, Path javaHome) {
        boolean operatorsOwn = javaOptions != null && Stream.of("Xshare", "SharedArchiveFile", "ArchiveClassesAtExit")
                .anyMatch(javaOptions::contains);
        return directory == null || directory.isBlank() || operatorsOwn ? off()
                : new ClassDataSharing(Path.of(directory), javaHome);
    }

    /** No archives. */
    public static ClassDataSharing off() {
        return new ClassDataSharing(null, null);
    }

    /**
     * The JVM options for a run of {@code command} on {@code classPath}: the archive when it is fresh,
     * else the options that write it; none for other commands, without a writable directory, without the
     * JDK's own archive (which the application's archive extends) or with a directory on the class path
     * (the JVM archives classes from jars only).
     */
    public Run prepare(String command, List<Path> classPath) {
        if (directory == null || !COMMANDS.contains(command)
                || !Files.isRegularFile(javaHome.resolve("lib/server/classes.jsa"))
                || classPath.isEmpty() || !classPath.stream().allMatch(Files::isRegularFile)) {
            return Run.NONE;
        }
        Path archive = directory.resolve(command + ".jsa");
        if (isFresh(archive, inputs(classPath))) {
            return new Run(List.of("-XX:SharedArchiveFile=" + archive), null, archive);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return Run.NONE;
        }
        if (!Files.isWritable(directory)) {
            return Run.NONE;
        }
        Path training = directory.resolve("." + command + ".jsa." + ProcessHandle.current().pid() + "-"
                + TRAINING_RUNS.incrementAndGet());
        // the JVM warns about each class it cannot archive (signed jars, old class files): not worth a line
        return new Run(List.of("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds*=error"), training, archive);
    }

    /** The jars of the class path, with those their manifests name, and the JDK's files. */
    private List<Path> inputs(List<Path> classPath) {
        Set<Path> inputs = new LinkedHashSet<>();
        for (Path jar : classPath) {
            inputs.add(jar);
            inputs.addAll(manifestClassPath(jar));
        }
        inputs.add(javaHome.resolve("lib/modules"));
        inputs.add(javaHome.resolve("lib/server/libjvm.so"));
        return new ArrayList<>(inputs);
    }

    static List<Path> manifestClassPath(Path jar) {
        List<Path> entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) {
                return entries;
            }
            URI base = jar.toAbsolutePath().getParent().toUri();
            for (String entry : value.trim().split("\\s+")) {
                try {
                    Path path = Path.of(base.resolve(entry));
                    if (Files.isRegularFile(path)) {
                        entries.add(path);
                    }
                } catch (IllegalArgumentException notAFile) {
                    // the JVM ignores what it cannot open as well
                }
            }
        } catch (IOException unreadable) {
            // the JVM cannot read it either: nothing more to depend on
        }
        return entries;
    }

    /** Whether {@code archive} exists and was written after every input last changed (status change time). */
    static boolean isFresh(Path archive, List<Path> inputs) {
        try {
            if (!Files.isRegularFile(archive)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(archive);
            for (Path input : inputs) {
                if (Files.exists(input) && changed(input).compareTo(written) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * When the file last changed: its status change time, which a copy that keeps the modification
     * time (a package manager, {@code cp -p}) still moves forward; the modification time on a file
     * system without Unix attributes.
     */
    private static FileTime changed(Path file) throws IOException {
        return file.getFileSystem().supportedFileAttributeViews().contains("unix")
                ? (FileTime) Files.getAttribute(file, "unix:ctime")
                : Files.getLastModifiedTime(file);
    }

    /**
     * One run's class-data-sharing {@code options} (JVM options to add) and, for a run that writes the
     * archive at exit, the {@code training} file it writes and the {@code archive} it becomes.
     */
    public record Run(List<String> options, Path training, Path archive) {
        static final Run NONE = new Run(List.of(), null, null);

        public Run {
            options = List.copyOf(options);
        }

        /** Whether this run writes the archive at exit. */
        public boolean trains() {
            return training != null;
        }

        /**
         * After the JVM exited: puts the archive it wrote in place with one rename (never half-written)
         * when the run did its work, else removes it. Idempotent.
         */
        public synchronized void finish(int exitCode) {
            if (training == null || !Files.exists(training)) {
                return;
            }
            try {
                if (TRAINED_EXIT_CODES.contains(exitCode) && Files.size(training) > 0) {
                    Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(training);
                }
            } catch (IOException e) {
                // no archive this time: the next run writes it again
                training.toFile().delete();
            }
        }
    }
}
