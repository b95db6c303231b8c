package dev.confab.conferencing.system;

import dev.confab.conferencing.ConferencingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts rendered files into a system root as one change: every file is first written (and synced)
 * under {@code .confab-staging/} inside the root, so each can be renamed into place atomically; the
 * files it replaces are first moved aside. Any failure moves them back and removes what was added,
 * so the root is left exactly as it was. Files marked private are created mode 0600. One apply at a
 * time per root.
 */
public final class AtomicApply {

    static final String STAGING = ".confab-staging";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicApply() {
    }

    /**
     * Writes {@code files} (relative path → content) and makes {@code link} point to {@code linkTarget},
     * or removes it when {@code linkTarget} is null.
     */
    public static void apply(Path root, Map<String, String> files, String link, String linkTarget) {
        apply(root, files, Set.of(), link, linkTarget);
    }

    /**
     * As {@link #apply(Path, Map, String, String)}, and the files named in {@code privateFiles} (a
     * password hash) are readable by their owner only (mode 0600) from the moment they are staged.
     */
    public static synchronized void apply(Path root, Map<String, String> files, Set<String> privateFiles, String link,
                                          String linkTarget) {
        Path staging = root.resolve(STAGING);
        Journal journal = new Journal(root, staging.resolve("previous"));
        try {
            deleteTree(staging);
            for (Map.Entry<String, String> file : files.entrySet()) {
                stage(staging.resolve("new").resolve(file.getKey()), file.getValue(),
                        privateFiles.contains(file.getKey()));
            }
            for (String relative : files.keySet()) {
                journal.replace(relative, staging.resolve("new").resolve(relative));
            }
            journal.link(link, linkTarget);
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            journal.rollBack();
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new ConferencingException("The node's system files could not be written under " + root + " ("
                    + e + "); nothing was changed. Check the disk and permissions, then upload a new file.", e);
        }
    }

    /** Creates {@code staged} (mode 0600 when {@code ownerOnly}, else as the umask says), fills and syncs it. */
    private static void stage(Path staged, String content, boolean ownerOnly) throws IOException {
        Files.createDirectories(staged.getParent());
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = ownerOnly
                ? FileChannel.open(staged, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(staged, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** What an apply changed so far, newest last, and how to undo it. */
    private static final class Journal {
        private final Path root;
        private final Path previous;
        private final Deque<Runnable> undo = new ArrayDeque<>();

        Journal(Path root, Path previous) {
            this.root = root;
            this.previous = previous;
        }

        void replace(String relative, Path staged) throws IOException {
            Path target = root.resolve(relative);
            createParents(target.getParent());
            moveAside(relative, target);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            undo.push(() -> quietly(() -> Files.deleteIfExists(target)));
        }

        void link(String relative, String linkTarget) throws IOException {
            Path link = root.resolve(relative);
            boolean present = Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (linkTarget == null && !present) {
                return;
            }
            if (linkTarget != null) {
                createParents(link.getParent());
            }
            moveAside(relative, link);
            if (linkTarget != null) {
                Files.createSymbolicLink(link, Path.of(linkTarget));
                undo.push(() -> quietly(() -> Files.deleteIfExists(link)));
            }
        }

        private void moveAside(String relative, Path target) throws IOException {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path aside = previous.resolve(relative);
                Files.createDirectories(aside.getParent());
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                undo.push(() -> quietly(() -> Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE)));
            }
        }

        private void createParents(Path directory) throws IOException {
            Deque<Path> missing = new ArrayDeque<>();
            for (Path dir = directory; dir != null && !Files.exists(dir); dir = dir.getParent()) {
                missing.push(dir);
            }
            for (Path dir : missing) {
                Files.createDirectory(dir);
                undo.push(() -> quietly(() -> Files.deleteIfExists(dir)));
            }
        }

        void rollBack() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        private interface IoAction {
            void run() throws IOException;
        }

        private static void quietly(IoAction action) {
            try {
                action.run();
            } catch (DirectoryNotEmptyException ignored) {
                // a directory that also holds files this apply did not make stays
            } catch (IOException ignored) {
                // best effort: the rest of the roll-back still runs
            }
        }
    }
}
