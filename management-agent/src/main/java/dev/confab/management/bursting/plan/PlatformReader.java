package dev.confab.management.bursting.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Reads a Management Node's management API as its JSON answers: over HTTPS for the command line, or
 * inside the Management Node for its own pages. Paths are those under {@code /api/admin/}.
 */
public interface PlatformReader {

    /** Every object of {@code resource} ({@code configuration/v1/worker_vm/}), page after page. */
    List<JsonNode> all(String resource);

    /** The object at {@code path} ({@code configuration/v1/global/1/}). */
    JsonNode get(String path);
}
