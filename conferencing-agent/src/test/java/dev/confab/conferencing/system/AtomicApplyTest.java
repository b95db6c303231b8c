package dev.confab.conferencing.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Files put into a system root as one change; those marked private for their owner only. */
class AtomicApplyTest {

    @Test
    void writesAPrivateFileMode0600EvenWhereItReplacesOneReadableByAll(@TempDir Path root) throws Exception {
        Path hash = Files.createDirectories(root.resolve("etc/confab")).resolve("admin-password.hash");
        Files.writeString(hash, "admin:$6$old$hash\n");
        Files.setPosixFilePermissions(hash, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicApply.apply(root, Map.of("etc/confab/admin-password.hash", "admin:$6$new$hash\n",
                "etc/hostname", "cn1\n"), Set.of("etc/confab/admin-password.hash"),
                "etc/systemd/system/multi-user.target.wants/ssh.service", null);

        assertEquals("admin:$6$new$hash\n", Files.readString(hash));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hash)));
        assertEquals("cn1\n", Files.readString(root.resolve("etc/hostname")));
        assertFalse(Files.exists(root.resolve(AtomicApply.STAGING)), "nothing staged is left behind");
    }
}
