package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code confab demo} wrote to its {@code access.json} that callgen uses: each Conferencing
 * Node's client API base URL ({@code client_api}) and the CA certificate their certificates are
 * issued by ({@code ca_certificate}). Immutable.
 */
record DemoAccess(List<String> clientApi, Path caCertificate) {

    /** Reads {@code file}, or fails saying what is missing and what to do instead. */
    static DemoAccess read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist: start ./confab demo first, or give the nodes"
                    + " with --nodes https://HOST:PORT and their CA certificate with --ca FILE.");
        }
        JsonNode access;
        try {
            access = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read as JSON (" + e.getMessage()
                    + "): start ./confab demo again, or give --nodes and --ca.", e);
        }
        JsonNode urls = access.get("client_api");
        JsonNode ca = access.get("ca_certificate");
        if (urls == null || !urls.isArray() || urls.isEmpty() || ca == null || !ca.isTextual()) {
            throw new IllegalArgumentException(file + " has no client_api list or no ca_certificate: it was written"
                    + " by a demo without the client API; start ./confab demo again, or give --nodes and --ca.");
        }
        List<String> clientApi = new ArrayList<>();
        urls.forEach(url -> clientApi.add(url.asText()));
        return new DemoAccess(List.copyOf(clientApi), Path.of(ca.asText()));
    }
}
