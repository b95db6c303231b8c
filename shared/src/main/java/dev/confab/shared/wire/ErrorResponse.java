package dev.confab.shared.wire;

import java.util.Map;

/** The body of every refused request, on the management API and the node channel alike. */
public record ErrorResponse(String error, Map<String, String> fields) {
}
