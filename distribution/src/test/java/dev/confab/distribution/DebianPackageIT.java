package dev.confab.distribution;

import dev.confab.distribution.testing.InstalledTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package: its control fields and maintainer scripts, the archive's files with the
 * archive's modes, and (inherited from {@link ArchiveIT}) every check of the archive, run on the
 * tree {@code dpkg-deb -x} extracts from it.
 */
class DebianPackageIT extends ArchiveIT {

    static final List<String> SCRIPTS = List.of("postinst", "prerm", "postrm");

    @BeforeAll
    static void dpkgDebIsInstalled() throws Exception {
        boolean available = new ProcessBuilder("sh", "-c", "command -v dpkg-deb").start().waitFor() == 0;
        if (!available) {
            System.out.println("DebianPackageIT: dpkg-deb is not installed, so mvn package built no .deb; skipped.");
        }
        assumeTrue(available, "dpkg-deb is not installed");
    }

    /** 0.1.0-SNAPSHOT is packaged as 0.1.0~SNAPSHOT: dpkg sorts it before the release 0.1.0. */
    static String debianVersion() {
        return System.getProperty("confab.version").replace('-', '~');
    }

    static Path deb() {
        Path deb = Path.of(System.getProperty("confab.target")).resolve("confab_" + debianVersion() + "_all.deb");
        assertTrue(Files.isRegularFile(deb), "mvn package builds " + deb + " where dpkg-deb is installed");
        return deb;
    }

    @Override
    InstalledTree unpack() throws Exception {
        return InstalledTree.extract(deb(), dir.resolve("root"));
    }

    @Test
    void controlNamesThePackageItsVersionAndWhatItNeeds() throws Exception {
        Map<String, String> fields = fields(InstalledTree.run("dpkg-deb", "--info", deb().toString()));

        assertEquals("confab", fields.get("Package"));
        assertEquals(debianVersion(), fields.get("Version"));
        assertEquals("all", fields.get("Architecture"));
        List<String> depends = List.of(fields.get("Depends").split(",\\s*"));
        assertTrue(depends.contains("openjdk-17-jre-headless | java17-runtime-headless"), depends.toString());
        // the confab user (postinst, confab-setup), the admin's sudo login, systemctl (scripts, installer's reboot)
        assertTrue(depends.containsAll(List.of("adduser", "passwd", "sudo", "systemd")), depends.toString());
        assertTrue(fields.get("Recommends").contains("strongswan-swanctl"), fields.get("Recommends"));
        String version = System.getProperty("confab.version");
        if (version.contains("-")) {
            String release = version.substring(0, version.indexOf('-'));
            // dpkg exits 1, and run throws, when it does not hold
            InstalledTree.run("dpkg", "--compare-versions", debianVersion(), "lt", release);
        }
    }

    @Test
    void holdsTheArchivesFilesWithTheArchivesModesOwnedByRoot() throws Exception {
        List<Entry> packaged = Entry.list(InstalledTree.run("dpkg-deb", "--contents", deb().toString()));
        List<Entry> archived = Entry.list(InstalledTree.run("tar", "-tvzf", System.getProperty("confab.archive")));

        Map<String, String> files = Entry.filesAndModes(packaged);
        Map<String, String> expected = Entry.filesAndModes(archived);
        List<String> differences = new ArrayList<>();
        Set<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(files.keySet());
        paths.forEach(path -> {
            if (!Objects.equals(expected.get(path), files.get(path))) {
                differences.add(path + ": archive " + expected.get(path) + ", package " + files.get(path));
            }
        });
        assertEquals(List.of(), differences);
        for (String program : List.of("confab", "confab-login", "confab-setup")) {
            assertEquals("-rwxr-xr-x", files.get("opt/confab/bin/" + program), program);
        }
        assertEquals("-r--r-----", files.get("etc/sudoers.d/confab-admin"));
        for (Entry entry : packaged) {
            assertEquals("root/root", entry.owner(), entry.path());
            if (entry.mode().startsWith("d")) {
                assertEquals("drwxr-xr-x", entry.mode(), entry.path());
            }
        }
    }

    @Test
    void maintainerScriptsConffilesAndChecksumsFitTheTree() throws Exception {
        Path control = dir.resolve("control");
        InstalledTree.run("dpkg-deb", "--control", deb().toString(), control.toString());
        for (String script : SCRIPTS) {
            Path file = control.resolve(script);
            assertTrue(Files.isExecutable(file), script);
            String text = Files.readString(file);
            assertTrue(text.startsWith("#!/bin/sh\n") && text.contains("\nset -e\n"), script);
            InstalledTree.run("sh", "-n", file.toString());
        }

        InstalledTree tree = unpack();
        try (var etc = Files.walk(tree.root().resolve("etc"))) {
            List<String> configuration = etc.filter(Files::isRegularFile)
                    .map(file -> "/" + tree.root().relativize(file)).sorted().collect(Collectors.toList());
            assertEquals(configuration, Files.readAllLines(control.resolve("conffiles")),
                    "every file in /etc is a conffile");
        }
        // md5sums names every file outside /etc (dpkg keeps the conffiles' sums itself) relative to /
        InstalledTree.run("sh", "-c", "cd \"$1\" && md5sum --check --strict --quiet \"$2\"", "md5sum",
                tree.root().toString(), control.resolve("md5sums").toString());
        assertTrue(Files.readString(control.resolve("md5sums")).contains("  opt/confab/confab.jar\n"));
    }

    /** The {@code Field: value} lines of {@code dpkg-deb --info}, one space in. */
    private static Map<String, String> fields(String info) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : info.split("\n")) {
            int colon = line.indexOf(':');
            if (line.startsWith(" ") && !line.startsWith("  ") && colon > 0) {
                fields.put(line.substring(1, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /**
     * A line of a tar listing ({@code tar -tv}, {@code dpkg-deb --contents}); the path without
     * {@code ./} in front or {@code /} at the end.
     */
    record Entry(String mode, String owner, String path) {

        static List<Entry> list(String listing) {
            return listing.lines().filter(line -> !line.isBlank()).map(line -> {
                String[] columns = line.trim().split("\\s+");
                String path = columns[5].replaceFirst("^\\./", "").replaceFirst("/$", "");
                return new Entry(columns[0], columns[1], path);
            }).filter(entry -> !entry.path().isEmpty() && !entry.path().equals(".")).collect(Collectors.toList());
        }

        /** Every file that is not a directory, with its mode. */
        static Map<String, String> filesAndModes(List<Entry> entries) {
            return entries.stream().filter(entry -> !entry.mode().startsWith("d"))
                    .collect(Collectors.toMap(Entry::path, Entry::mode, (a, b) -> a, TreeMap::new));
        }
    }
}
