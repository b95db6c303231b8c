package dev.confab.management.testing;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.NodeChannel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;


/** Conferencing Nodes on a {@link RunningNode}'s node channel, played by the test the way an agent plays one. */
public final class ChannelClients {

    private ChannelClients() {
    }

    /**
     * Adds a node in {@code location} through the API (its static NAT address 127.0.0.1, where the test
     * calls from) and enrols it with its file's token, returning its key and certificate.
     */
    public static IssuedCertificate enrolled(RunningNode node, String location, String name, String address)
            throws Exception {
        return ReportingNode.enrol(node, name, address, location, Map.of()).identity();
    }

    /** {@code path} on the node channel. */
    public static URI uri(RunningNode node, String path) {
        return URI.create("https://127.0.0.1:" + node.agent().nodePort() + path);
    }

    /** A client of the node channel presenting {@code identity} (none when null). */
    public static HttpClient client(RunningNode node, IssuedCertificate identity) {
        return HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
    }

    /** An idle node's heartbeat, holding {@code appliedRevision}, as {@code identity}. */
    public static HttpResponse<String> heartbeat(RunningNode node, IssuedCertificate identity, long appliedRevision)
            throws Exception {
        Heartbeat heartbeat = new Heartbeat("test", "2026-11-25T10:00:00Z", appliedRevision, Capacity.ofCpus(4),
                Heartbeat.Load.idle(), false, 4, 8192);
        return client(node, identity).send(HttpRequest.newBuilder(uri(node, NodeChannel.HEARTBEAT)).POST(
                HttpRequest.BodyPublishers.ofByteArray(NodeChannel.json().writeValueAsBytes(heartbeat))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
