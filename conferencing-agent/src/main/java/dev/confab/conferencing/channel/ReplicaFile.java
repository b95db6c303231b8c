package dev.confab.conferencing.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.conferencing.ConferencingException;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.wire.ConfigUpdate.NodeTlsCertificate;
import dev.confab.shared.wire.NodeChannel;
import dev.confab.shared.wire.ReplicatedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The replica on the node's disk: one JSON file, replaced atomically (written aside, synced, renamed)
 * and readable only by the agent, as it holds the node's TLS key. Thread-safe for one writer.
 */
public final class ReplicaFile {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFile.class);

    /** What the file holds. */
    public record Contents(ReplicatedConfig config, NodeTlsCertificate tlsCertificate) {
    }

    private final Path path;
    private final ObjectMapper json = NodeChannel.json();

    public ReplicaFile(Path path) {
        this.path = path;
    }

    public Optional<Contents> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readAllBytes(path), Contents.class));
        } catch (IOException e) {
            LOG.warn("The replica {} cannot be read ({}); fetching the configuration again", path, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(Contents contents) {
        try {
            SecureFiles.writeAtomically(path, json.writeValueAsBytes(contents), SecureFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new ConferencingException("Cannot write the replica " + path + ": " + e.getMessage()
                    + "; free disk space or fix permissions of the data directory.", e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new ConferencingException("Cannot remove the replica " + path + ": " + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.exists(path);
    }
}
