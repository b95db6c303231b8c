package dev.confab.management.replication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.NodeChannel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers encoded as JSON (and gzip, when asked for) once per (revision, content, what the node
 * held), so that a thousand nodes asking the same thing cost one encoding, not a thousand.
 * Entries of older builds are dropped as soon as a newer revision, or other content at the same
 * revision, is asked for. Thread-safe.
 */
final class EncodedAnswers {

    private record Key(long revision, String checksum, boolean snapshot, long since) {
    }

    private record Build(long revision, String checksum) {
    }

    private final ObjectMapper json = NodeChannel.json();
    private final Map<Key, EncodedAnswer> cache = new ConcurrentHashMap<>();
    private volatile Build newest = new Build(-1, "");

    /** An answer that carries nothing specific to one node. */
    EncodedAnswer shared(ConfigUpdate update, long since) {
        Build build = new Build(update.revision(), update.checksum());
        if (!build.equals(newest)) {
            synchronized (this) {
                if (update.revision() > newest.revision() || update.revision() == newest.revision()
                        && !update.checksum().equals(newest.checksum())) {
                    cache.clear();
                    newest = build;
                }
            }
        }
        Key key = new Key(update.revision(), update.checksum(), update.snapshot(),
                update.snapshot() ? -1 : since);
        return cache.computeIfAbsent(key, ignored -> encode(update));
    }

    EncodedAnswer encode(ConfigUpdate update) {
        try {
            return new EncodedAnswer(json.writeValueAsBytes(update));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration answer cannot be encoded", e);
        }
    }
}
