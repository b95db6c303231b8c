package dev.confab.management.replication;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.shared.wire.ReplicatedConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of the configuration goes to nodes: the {@link ReplicatedConfig#RESOURCES}, each object
 * without its secrets (password hashes, sealed keys), without write-only and computed fields, and
 * never the cloud credentials of the global settings. Each {@code worker_vm} gains
 * {@link ReplicatedConfig#ENROLLED}: whether it holds a certificate that is not revoked, which
 * decides whether nodes keep a tunnel with it.
 */
final class Replicable {

    /** Fields that stay on the Management Node whatever their declaration says. */
    static final Set<String> NEVER = Set.of("aws_access_key", "aws_secret_key", "azure_client_id", "azure_secret",
            "azure_subscription_id", "azure_tenant", "gcp_client_email", "gcp_private_key", "gcp_project_id",
            "private_key", "private_key_passphrase", "password");

    private Replicable() {
    }

    /** The objects of one snapshot, by resource, as they replicate; {@code enrolled}: the enrolled nodes' ids. */
    static Map<String, List<Map<String, Object>>> of(Catalog catalog, Map<String, List<Map<String, Object>>> objects,
                                                     Set<Long> enrolled) {
        Map<String, List<Map<String, Object>>> replicated = new LinkedHashMap<>();
        objects.forEach((name, list) -> {
            ResourceSpec spec = catalog.configuration(name);
            replicated.put(name, list.stream().map(object -> of(spec, object, enrolled)).toList());
        });
        return replicated;
    }

    /** One object of {@code spec} as it replicates; {@code enrolled}: enrolled nodes' ids, at least this one's if it is. */
    static Map<String, Object> of(ResourceSpec spec, Map<String, Object> object, Set<Long> enrolled) {
        Map<String, Object> kept = strip(spec, object);
        if (spec.name().equals(ResourceNames.WORKER_VM)) {
            kept.put(ReplicatedConfig.ENROLLED, enrolled.contains(((Number) object.get("id")).longValue()));
        }
        return kept;
    }

    static Map<String, Object> strip(ResourceSpec spec, Map<String, Object> object) {
        Map<String, Object> kept = new LinkedHashMap<>();
        object.forEach((field, value) -> {
            FieldSpec declared = spec.fields().get(field);
            boolean keep = declared == null
                    ? field.equals("id") || field.equals("resource_uri")
                    : declared.isStored() && declared.isReadable() && declared.secretKind() == FieldSpec.Secret.NONE;
            if (keep && !NEVER.contains(field)) {
                kept.put(field, value);
            }
        });
        return kept;
    }
}
