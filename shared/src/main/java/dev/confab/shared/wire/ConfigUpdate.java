package dev.confab.shared.wire;

import java.util.List;
import java.util.Map;

/**
 * Answer to {@code GET /node/v1/config?since=R}: what changed after revision R, or the whole
 * configuration when {@code snapshot} is true. An answer whose revision equals R changes nothing;
 * it still carries the checksum, against which the node reconciles.
 *
 * @param revision       the revision the node has once it applies this answer
 * @param snapshot       true: replace the replica with {@code upserts}; false: apply on top of it
 * @param checksum       {@link ReplicatedConfig#checksum()} of the configuration at {@code revision}
 * @param upserts        objects added or changed, by resource name
 * @param deletions      ids removed, by resource name
 * @param tlsCertificate the node's own TLS certificate and key, when one is assigned to it
 */
public record ConfigUpdate(long revision, boolean snapshot, String checksum,
                           Map<String, List<Map<String, Object>>> upserts, Map<String, List<String>> deletions,
                           NodeTlsCertificate tlsCertificate) {

    public ConfigUpdate {
        upserts = upserts == null ? Map.of() : upserts;
        deletions = deletions == null ? Map.of() : deletions;
    }

    /** Whether the answer changes any object. */
    public boolean changesObjects() {
        return snapshot || upserts.values().stream().anyMatch(list -> !list.isEmpty())
                || deletions.values().stream().anyMatch(list -> !list.isEmpty());
    }

    /**
     * The TLS certificate the administrator assigned to the node, for SIP TLS and its client API.
     *
     * @param certificate PEM chain
     * @param privateKey  PEM key; only ever sent to the node it belongs to
     */
    public record NodeTlsCertificate(String certificate, String privateKey) {

        @Override
        public String toString() {
            return "NodeTlsCertificate[privateKey=(hidden)]";
        }
    }
}
