package dev.confab.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The distribution archive unpacked with the system's tar into a directory standing for /. */
record InstalledTree(Path root) {

    static InstalledTree unpack(Path archive, Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", root.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + archive + ": " + output);
        }
        return new InstalledTree(root);
    }

    Path launcher() {
        return root.resolve("opt/confab/bin/confab");
    }

    Path unit(String name) {
        return root.resolve("etc/systemd/system").resolve(name);
    }

    Path data() {
        return root.resolve("var/lib/confab");
    }
}
