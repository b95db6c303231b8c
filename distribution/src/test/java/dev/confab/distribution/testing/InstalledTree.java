package dev.confab.distribution.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The distribution archive unpacked with the system's tar, or the Debian package extracted with
 * dpkg-deb, into a directory standing for /.
 */
public record InstalledTree(Path root) {

    public static InstalledTree unpack(Path archive, Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        run("tar", "-xzf", archive.toString(), "-C", root.toString());
        return new InstalledTree(root);
    }

    /** The files of a {@code .deb} as {@code dpkg -i} would place them, without running its scripts. */
    public static InstalledTree extract(Path deb, Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        run("dpkg-deb", "-x", deb.toString(), root.toString());
        return new InstalledTree(root);
    }

    /** Runs a program to its end and returns what it printed (both streams); a non-zero exit throws. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + status + ": " + output);
        }
        return output;
    }

    public Path launcher() {
        return root.resolve("opt/confab/bin/confab");
    }

    public Path unit(String name) {
        return root.resolve("etc/systemd/system").resolve(name);
    }

    public Path data() {
        return root.resolve("var/lib/confab");
    }
}
