package dev.confab.shared.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The body of every refused request, on the management API and the node channel alike. {@code node}
 * is set only on the node channel's refusals of a certificate ({@link NodeChannel#REFUSAL}): {@link
 * NodeChannel#UNKNOWN} or {@link NodeChannel#REVOKED}.
 */
public record ErrorResponse(String error, Map<String, String> fields,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String node) {
}
