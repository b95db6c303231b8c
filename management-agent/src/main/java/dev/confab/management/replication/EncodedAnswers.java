package dev.confab.management.replication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.NodeChannel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers encoded as JSON once per (revision, what the node held), so that a thousand nodes asking
 * the same thing cost one encoding, not a thousand. Entries of older revisions are dropped as soon
 * as a newer revision is asked for. Thread-safe.
 */
final class EncodedAnswers {

    private record Key(long revision, boolean snapshot, long since) {
    }

    private final ObjectMapper json = NodeChannel.json();
    private final Map<Key, byte[]> cache = new ConcurrentHashMap<>();
    private volatile long revision = -1;

    /** The JSON of an answer that carries nothing specific to one node. */
    byte[] shared(ConfigUpdate update, long since) {
        if (update.revision() != revision) {
            synchronized (this) {
                if (update.revision() > revision) {
                    cache.clear();
                    revision = update.revision();
                }
            }
        }
        Key key = new Key(update.revision(), update.snapshot(), update.snapshot() ? -1 : since);
        return cache.computeIfAbsent(key, ignored -> encode(update));
    }

    byte[] encode(ConfigUpdate update) {
        try {
            return json.writeValueAsBytes(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration answer cannot be encoded", e);
        }
    }
}
