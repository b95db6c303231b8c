package dev.confab.shared.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Paths and JSON settings of the node channel, shared by both ends. */
public final class NodeChannel {

    /** Token + CSR → certificate; server-authenticated TLS, CA pinned by fingerprint. */
    public static final String ENROL = "/node/v1/enrol";
    /** Node → Management Node every interval, mutual TLS: {@link Heartbeat} → {@link HeartbeatAnswer}. */
    public static final String HEARTBEAT = "/node/v1/heartbeat";
    /** Long-poll, mutual TLS: {@code ?since=R} → {@link ConfigUpdate}. */
    public static final String CONFIG = "/node/v1/config";
    /** Node → Management Node, mutual TLS: {@link LicenceRequest} → {@link LicenceAnswer}. */
    public static final String LICENCE = "/node/v1/licence";
    /** Node → Management Node, mutual TLS: {@code ?conference=NAME} → {@link ParticipantList}. */
    public static final String PARTICIPANTS = "/node/v1/participants";
    /** Query parameter of {@link #PARTICIPANTS}: the conference's name. */
    public static final String CONFERENCE = "conference";
    /** Node → node, mutual TLS: {@link Reservation.Request} → {@link Reservation.Answer}. */
    public static final String RESERVE = "/node/v1/reserve";
    /** Node → node, mutual TLS: {@link Reservation.Release}, answered 204. */
    public static final String RELEASE = "/node/v1/release";
    /** Management Node → node, mutual TLS: {@link Disconnect.Request} → {@link Disconnect.Answer}. */
    public static final String DISCONNECT = "/node/v1/disconnect";
    /**
     * Common name of the certificate the Management Node presents on the node channel and when it
     * calls a node; the CA issues it to the Management Node only.
     */
    public static final String MANAGEMENT_COMMON_NAME = "confab-node-channel";
    /** A node's metrics in the Prometheus text format, on its node-to-node listener (mutual TLS). */
    public static final String METRICS = "/metrics";
    /**
     * Common name of the client certificates the CA issues for scraping nodes' {@link #METRICS}
     * (Prometheus's), besides the Management Node's own.
     */
    public static final String METRICS_COMMON_NAME = "confab-metrics";
    /** Query parameter of {@link #CONFIG}: the revision the node has applied. */
    public static final String SINCE = "since";
    /**
     * Field of a refused request's {@link ErrorResponse} (HTTP 403) that says what the Management
     * Node makes of the node's certificate: {@link #UNKNOWN} or {@link #REVOKED}.
     */
    public static final String REFUSAL = "node";
    /**
     * The certificate is from the Management Node's CA and not revoked, but the Management Node has
     * no record of it (restored from a backup taken before the node enrolled): the node may enrol
     * again, once, with the token of the configuration file it holds.
     */
    public static final String UNKNOWN = "unknown";
    /** The certificate was revoked (the node was deleted): final, only a new configuration file helps. */
    public static final String REVOKED = "revoked";

    private NodeChannel() {
    }

    /** A JSON mapper for the channel's records; unknown fields are ignored so either end can grow. */
    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
