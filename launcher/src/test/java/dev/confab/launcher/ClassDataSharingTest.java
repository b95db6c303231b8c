package dev.confab.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataSharingTest {

    private static final String AGENT = "conferencing-agent";

    @TempDir
    Path dir;
    private Path javaHome;
    private Path cache;
    private Path jar;
    private Path library;

    @BeforeEach
    void aJdkAndAJarThatNamesItsLibrary() throws IOException {
        javaHome = dir.resolve("jdk");
        for (String file : List.of("lib/modules", "lib/server/libjvm.so", "lib/server/classes.jsa")) {
            Files.createDirectories(javaHome.resolve(file).getParent());
            Files.writeString(javaHome.resolve(file), file);
        }
        Files.createDirectories(dir.resolve("app/lib"));
        library = Files.writeString(dir.resolve("app/lib/library.jar"), "a library");
        jar = jarNaming(dir.resolve("app/confab.jar"), "lib/library.jar lib/missing.jar");
        cache = dir.resolve("cache");
    }

    /** The files an archive depends on: the jar, the library its manifest names, the JDK's. */
    private List<Path> everyFile() {
        return List.of(jar, library, javaHome.resolve("lib/modules"), javaHome.resolve("lib/server/libjvm.so"));
    }

    private ClassDataSharing sharing() {
        return new ClassDataSharing(cache, javaHome);
    }

    private Path archive() {
        return cache.resolve(AGENT + ".jsa");
    }

    /** An archive written when the last of the files changed: fresh until one changes again. */
    private void archiveWrittenRightAfterEveryFile() throws IOException {
        FileTime last = FileTime.fromMillis(0);
        for (Path file : everyFile()) {
            FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime");
            last = changed.compareTo(last) > 0 ? changed : last;
        }
        Files.createDirectories(cache);
        Files.writeString(archive(), "archive");
        Files.setLastModifiedTime(archive(), last);
    }

    /** An archive written an hour before every file changed: stale. */
    private void staleArchive(String content) throws IOException {
        Files.createDirectories(cache);
        Files.writeString(archive(), content);
        Files.setLastModifiedTime(archive(), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }

    @Test
    void withoutAnArchiveTheRunWritesOneToATemporaryFileAtExit() {
        ClassDataSharing.Run run = sharing().prepare(AGENT, List.of(jar));

        assertTrue(run.trains());
        assertEquals(cache, run.training().getParent());
        assertTrue(run.training().getFileName().toString().startsWith("." + AGENT + ".jsa."));
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + run.training(), "-Xlog:cds*=error"), run.options());
        assertEquals(archive(), run.archive());
        assertTrue(Files.isDirectory(cache), "created");
    }

    @Test
    void twoRunsTrainingAtOnceWriteToTwoFiles() {
        assertFalse(sharing().prepare(AGENT, List.of(jar)).training()
                .equals(sharing().prepare(AGENT, List.of(jar)).training()));
    }

    @Test
    void aFreshArchiveIsUsed() throws IOException {
        archiveWrittenRightAfterEveryFile();

        ClassDataSharing.Run run = sharing().prepare(AGENT, List.of(jar));

        assertFalse(run.trains());
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive()), run.options());
    }

    @Test
    void anArchiveOlderThanTheJarTheLibraryItNamesOrTheJdkIsWrittenAgain() throws Exception {
        for (Path changed : everyFile()) {
            archiveWrittenRightAfterEveryFile();
            assertFalse(sharing().prepare(AGENT, List.of(jar)).trains());

            Thread.sleep(20);
            Files.write(changed, Files.readAllBytes(changed));

            assertTrue(sharing().prepare(AGENT, List.of(jar)).trains(), changed.toString());
        }
    }

    @Test
    void aCopyThatKeepsTheOldModificationTimeStillCountsAsChanged() throws IOException {
        // every file was modified two hours ago, as a package manager or cp -p lays them down
        for (Path file : everyFile()) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        }
        staleArchive("written an hour ago");

        assertTrue(sharing().prepare(AGENT, List.of(jar)).trains());
    }

    @Test
    void otherCommandsNoDirectoryNoJdkArchiveOrADirectoryOnTheClassPathGetNothing() throws IOException {
        assertEquals(List.of(), sharing().prepare("management-agent", List.of(jar)).options());
        assertEquals(List.of(), sharing().prepare("installer", List.of(jar)).options());
        assertEquals(List.of(), ClassDataSharing.off().prepare(AGENT, List.of(jar)).options());
        assertEquals(List.of(), sharing().prepare(AGENT, List.of(jar, Files.createDirectories(dir.resolve("classes"))))
                .options());
        assertEquals(List.of(), sharing().prepare(AGENT, List.of()).options());
        Files.delete(javaHome.resolve("lib/server/classes.jsa"));
        assertEquals(List.of(), sharing().prepare(AGENT, List.of(jar)).options());
    }

    @Test
    void theEnvironmentNamesTheDirectoryAndTheOperatorsOwnSharingOptionsTurnItOff() {
        assertTrue(ClassDataSharing.of(cache.toString(), null, javaHome).prepare(AGENT, List.of(jar)).trains());
        assertTrue(ClassDataSharing.of(cache.toString(), "-Xmx128m", javaHome).prepare(AGENT, List.of(jar)).trains());
        for (String options : List.of("-Xshare:off", "-Xmx128m -XX:SharedArchiveFile=/tmp/a.jsa",
                "-XX:ArchiveClassesAtExit=/tmp/b.jsa")) {
            assertEquals(List.of(), ClassDataSharing.of(cache.toString(), options, javaHome)
                    .prepare(AGENT, List.of(jar)).options(), options);
        }
        assertEquals(List.of(), ClassDataSharing.of(null, null, javaHome).prepare(AGENT, List.of(jar)).options());
        assertEquals(List.of(), ClassDataSharing.of(" ", null, javaHome).prepare(AGENT, List.of(jar)).options());
    }

    @Test
    void aDirectoryThatCannotBeCreatedMeansNoArchiveAndNoError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");

        ClassDataSharing.Run run = new ClassDataSharing(file.resolve("cache"), javaHome).prepare(AGENT, List.of(jar));

        assertEquals(List.of(), run.options());
        run.finish(75);
    }

    @Test
    void aRunThatDidItsWorkPutsItsArchiveInPlace() throws IOException {
        for (int exitCode : new int[] {75, 130, 143}) {
            staleArchive("old");
            ClassDataSharing.Run run = sharing().prepare(AGENT, List.of(jar));
            Files.writeString(run.training(), "archive of " + exitCode);

            run.finish(exitCode);
            run.finish(exitCode);

            assertEquals("archive of " + exitCode, Files.readString(archive()));
            assertFalse(Files.exists(run.training()));
        }
        try (var left = Files.list(cache)) {
            assertArrayEquals(new Object[] {archive()}, left.toArray());
        }
    }

    @Test
    void aRunThatFailedOrOnlyPrintedItsHelpLeavesNoArchive() throws IOException {
        for (int exitCode : new int[] {0, 1, 2, 137}) {
            ClassDataSharing.Run run = sharing().prepare(AGENT, List.of(jar));
            Files.writeString(run.training(), "a few classes");

            run.finish(exitCode);

            assertFalse(Files.exists(archive()), "exit code " + exitCode);
            assertFalse(Files.exists(run.training()));
        }
    }

    @Test
    void aRunWhoseJvmWroteNothingLeavesTheOldArchive() throws IOException {
        staleArchive("old");
        ClassDataSharing.Run run = sharing().prepare(AGENT, List.of(jar));

        run.finish(75);
        Files.writeString(run.training(), "");
        run.finish(143);

        assertEquals("old", Files.readString(archive()));
        assertFalse(Files.exists(run.training()));
    }

    @Test
    void readsTheClassPathOfAJarsManifestRelativeToTheJar() {
        assertEquals(List.of(library), ClassDataSharing.manifestClassPath(jar));
    }

    private static Path jarNaming(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
