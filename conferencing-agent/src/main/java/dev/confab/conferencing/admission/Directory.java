package dev.confab.conferencing.admission;

import dev.confab.shared.wire.ReplicatedConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services callers reach, by alias, as one revision of the replica holds them. Aliases match
 * exactly, as the Management Node keeps them unique. Immutable.
 */
final class Directory {

    private final Map<String, Service> byAlias = new HashMap<>();

    private Directory(ReplicatedConfig config) {
        Map<String, Service> byId = new HashMap<>();
        config.objects("conference").forEach(conference -> byId.put(String.valueOf(conference.get("id")),
                Service.of(conference)));
        for (Map<String, Object> alias : config.objects("conference_alias")) {
            Service service = byId.get(ReplicatedConfig.idOf(alias.get("conference")));
            if (service != null && alias.get("alias") != null) {
                byAlias.put(alias.get("alias").toString(), service);
            }
        }
    }

    static Directory of(ReplicatedConfig config) {
        return new Directory(config);
    }

    Optional<Service> service(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }
}
