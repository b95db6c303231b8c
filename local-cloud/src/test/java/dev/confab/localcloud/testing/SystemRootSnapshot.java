package dev.confab.localcloud.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a directory with its kind and content (or link target), to compare byte for byte. */
public final class SystemRootSnapshot {

    private SystemRootSnapshot() {
    }

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    snapshot.put(relative, "link → " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    snapshot.put(relative, "directory");
                } else {
                    snapshot.put(relative, "file " + Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                }
            }
        }
        return snapshot;
    }

    /** A small system root like a fresh image's: host name, hosts, sshd enabled. */
    public static Path populate(Path root) throws IOException {
        Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.writeString(root.resolve("etc/hostname"), "localhost\n");
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n");
        Files.createSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/ssh.service"),
                Path.of("/lib/systemd/system/ssh.service"));
        return root;
    }
}
