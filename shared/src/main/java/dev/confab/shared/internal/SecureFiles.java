package dev.confab.shared.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes files that hold secrets or state so that no reader ever sees a half-written file and a
 * secret is never readable by others, not even for an instant: each file is created with its final
 * permissions, filled and synced under a temporary name, then put in place in one step.
 *
 * <p>Requires a POSIX file system (Linux, where Confab runs). Stateless and thread-safe; concurrent
 * writers of one target leave one complete version of it.
 */
public final class SecureFiles {

    /** {@code rw-------}: for keys and other secrets. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** {@code rw-r--r--}: for public material such as certificates. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /** {@code rwx------}: for directories that hold secrets or private state. */
    public static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {
    }

    /**
     * Creates {@code directory}, and each missing parent, mode 0700 (the umask only takes bits away);
     * an existing directory is left as it is. Returns {@code directory}.
     */
    public static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
        }
        return directory;
    }

    /** Replaces (or creates) {@code target} with {@code content}; readers see the old or the new file. */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temp = filledTempFile(target, content, permissions);
        try {
            // rename(2): replaces an existing target atomically
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One file of {@link #replaceAll}. */
    public record Replacement(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    }

    /**
     * Replaces (or creates) several files, in the given order, so that a failure to write any of them
     * changes none: each is first filled and synced under a temporary name, and only once all are
     * written are they renamed into place, one after the other. Readers see each file old or new.
     */
    public static void replaceAll(List<Replacement> files) throws IOException {
        List<Path> temps = new ArrayList<>();
        try {
            for (Replacement file : files) {
                temps.add(filledTempFile(file.target(), file.content(), file.permissions()));
            }
            for (int i = 0; i < files.size(); i++) {
                Files.move(temps.get(i), files.get(i).target(), StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates {@code target} with {@code content} unless it exists. Returns {@code false}, and leaves
     * the existing file alone, when another writer got there first.
     */
    public static boolean createExclusively(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temp = filledTempFile(target, content, permissions);
        try {
            // link(2) fails when the name exists, so two creators cannot overwrite each other
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException alreadyCreated) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** True when neither the group nor others have any permission on {@code file}. */
    public static boolean isOwnerOnly(Path file) throws IOException {
        return Files.getPosixFilePermissions(file).stream()
                .allMatch(permission -> permission.name().startsWith("OWNER_"));
    }

    private static Path filledTempFile(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(permissions));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
