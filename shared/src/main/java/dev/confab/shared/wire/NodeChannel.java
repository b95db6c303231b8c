package dev.confab.shared.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Paths and JSON settings of the node channel, shared by both ends. */
public final class NodeChannel {

    /** Token + CSR → certificate; server-authenticated TLS, CA pinned by fingerprint. */
    public static final String ENROL = "/node/v1/enrol";

    private NodeChannel() {
    }

    /** A JSON mapper for the channel's records; unknown fields are ignored so either end can grow. */
    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
