package dev.confab.launcher;

import dev.confab.shared.testing.FreePort;
import dev.confab.shared.testing.UploadPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar's conferencing agent, started twice as {@code confab demo} starts it ({@link CommandLauncher}):
 * the first run writes the class-data-sharing archive as it stops, and the second maps it (its
 * {@code /proc/PID/maps} lists the archive, which the JVM maps only when it accepted it for this JDK and these jars).
 */
@Timeout(120)
class ClassDataSharingIT {

    private final List<CommandLauncher.Launched> started = new ArrayList<>();

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        for (CommandLauncher.Launched launched : started) {
            stop(launched);
        }
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheSecondMapsIt(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("confab.jar"));
        assertTrue(Files.isRegularFile(jar), "mvn package builds " + jar);
        Path cache = dir.resolve("cache");
        Path archive = cache.resolve("conferencing-agent.jsa");
        CommandLauncher launcher = new CommandLauncher(jar.toString(),
                new ClassDataSharing(cache, Path.of(System.getProperty("java.home"))));
        String address = "127.0.1.93";
        int port = FreePort.on(address);
        Path data = dir.resolve("node");
        List<String> agent = List.of("conferencing-agent", "--data", data.toString(),
                "--system-root", Files.createDirectories(dir.resolve("root")).toString(), "--bind", address,
                "--provisioning-port", Integer.toString(port));

        // the first run serves its page without an archive, and writes it as it stops
        CommandLauncher.Launched first = start(launcher, agent, dir.resolve("first.log"));
        UploadPage.await(address, port, data, first.process(), Duration.ofSeconds(60));
        assertFalse(mapsFile(first.process(), archive), "no archive yet");
        stop(first);
        assertEquals(143, first.process().exitValue(), Files.readString(dir.resolve("first.log")));
        assertTrue(Files.size(archive) > 0, "the first run wrote " + archive);
        assertEquals(List.of(archive), filesIn(cache), "only the archive, no temporary file");
        FileTime written = Files.getLastModifiedTime(archive);

        // the second run maps it, and leaves it as it was
        CommandLauncher.Launched second = start(launcher, agent, dir.resolve("second.log"));
        UploadPage.await(address, port, data, second.process(), Duration.ofSeconds(60));
        assertTrue(mapsFile(second.process(), archive), "the second run maps " + archive + "\n"
                + Files.readString(dir.resolve("second.log")));
        stop(second);
        assertEquals(written, Files.getLastModifiedTime(archive));
        assertEquals(List.of(archive), filesIn(cache));
        assertFalse(Files.readString(dir.resolve("first.log")).contains("[cds"), "the archive's warnings are kept quiet");
    }

    private CommandLauncher.Launched start(CommandLauncher launcher, List<String> arguments, Path log) throws Exception {
        CommandLauncher.Launched launched = launcher.start(arguments, log);
        started.add(launched);
        return launched;
    }

    /** SIGTERM, as {@code confab demo} stops its children, then the archive the run wrote put in place. */
    private static void stop(CommandLauncher.Launched launched) throws InterruptedException {
        launched.process().destroy();
        launched.awaitExit();
    }

    private static boolean mapsFile(Process process, Path file) throws Exception {
        try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(process.pid()), "maps"))) {
            String path = file.getParent().toRealPath().resolve(file.getFileName()).toString();
            return maps.anyMatch(line -> line.endsWith(" " + path));
        }
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
