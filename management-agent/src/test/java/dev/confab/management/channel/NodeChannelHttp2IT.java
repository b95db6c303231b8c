package dev.confab.management.channel;

import dev.confab.management.testing.Await;
import dev.confab.management.testing.ChannelClients;
import dev.confab.management.testing.CountingSslContext;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node channel speaks HTTP/2 to a client that offers it: a node's heartbeats are answered on the
 * connection its long-poll waits on. A client that offers only HTTP/1.1 is answered in it, and
 * needs a connection for each request under way. The channel's meter counts both kinds (as the
 * difference a client makes: other clients' connections may still be open). A long-poll whose
 * stream the node resets stops waiting at once; a heartbeat goes beside 200 waiting polls.
 */
class NodeChannelHttp2IT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private static String location;

    @BeforeAll
    static void addLocation() {
        location = node.post("/api/admin/configuration/v1/system_location/", java.util.Map.of("name", "Oslo")).body()
                .get("resource_uri").asText();
    }

    @Test
    void overHttp2AHeartbeatIsAnsweredOnTheConnectionItsLongPollWaitsOn() throws Exception {
        CountingSslContext tls = tlsOf("osl-cn1", "10.20.0.41");
        HttpClient client = client(tls, HttpClient.Version.HTTP_2);
        double before = gauge("h2");

        CompletableFuture<HttpResponse<String>> poll = waitingPoll(client);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = client.send(heartbeat(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(HttpClient.Version.HTTP_2, answer.version());
        }

        assertFalse(poll.isDone(), "the long-poll still waits");
        assertEquals(1, tls.engines(), "connections the node opened");
        assertEquals(1.0, gauge("h2") - before, 0.0, "HTTP/2 connections the channel opened");
    }

    @Test
    void overHttp11AHeartbeatNeedsAConnectionBesideTheLongPolls() throws Exception {
        CountingSslContext tls = tlsOf("osl-cn2", "10.20.0.42");
        HttpClient client = client(tls, HttpClient.Version.HTTP_1_1);
        double before = gauge("http/1.1");

        CompletableFuture<HttpResponse<String>> poll = waitingPoll(client);
        HttpResponse<String> answer = client.send(heartbeat(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
        assertFalse(poll.isDone(), "the long-poll still waits");
        assertEquals(2, tls.engines(), "connections the node opened");
        assertEquals(2.0, gauge("http/1.1") - before, 0.0, "HTTP/1.1 connections the channel opened");
    }

    @Test
    void aHeartbeatIsAnsweredBesideTwoHundredWaitingPollsOnTheOneConnection() throws Exception {
        CountingSslContext tls = tlsOf("osl-cn4", "10.20.0.44");
        HttpClient client = client(tls, HttpClient.Version.HTTP_2);
        CompletableFuture<HttpResponse<String>> first = waitingPoll(client);
        long revision = node.agent().replication().current().revision();

        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>(List.of(first));
        for (int i = 1; i < 200; i++) {
            polls.add(client.sendAsync(HttpRequest.newBuilder(ChannelClients.uri(node, NodeChannel.CONFIG + "?since="
                    + revision)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(500);
        assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "the polls wait");
        // more streams under way than HTTP/2's customary 128: the heartbeat still goes at once, on the same connection
        HttpResponse<String> heartbeat = client.sendAsync(heartbeat(), HttpResponse.BodyHandlers.ofString())
                .get(5, TimeUnit.SECONDS);
        assertEquals(200, heartbeat.statusCode(), heartbeat.body());

        node.patch(location, java.util.Map.of("description", "a change for the waiting polls"));
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertEquals(200, poll.get(10, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1, tls.engines(), "connections the node opened");
    }

    @Test
    void aLongPollWhoseStreamIsResetStopsWaitingAtOnce() throws Exception {
        HttpClient client = client(tlsOf("osl-cn3", "10.20.0.43"), HttpClient.Version.HTTP_2);
        CompletableFuture<HttpResponse<String>> poll = waitingPoll(client);
        int waiting = node.agent().replication().waitingPolls();
        assertTrue(waiting >= 1, "the poll waits: " + waiting);

        // the JDK's client resets the request's stream when its future is cancelled
        poll.cancel(true);

        Await.until(Duration.ofSeconds(5), () -> node.agent().replication().waitingPolls(),
                now -> now == waiting - 1);
        assertEquals(waiting - 1, node.agent().replication().waitingPolls(), "well before the 25 s poll timeout");
        HttpResponse<String> answer = client.send(heartbeat(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "the connection stays: " + answer.body());
    }

    /** The TLS of a node added and enrolled as {@code name} at {@code address}, counting its connections. */
    private static CountingSslContext tlsOf(String name, String address) throws Exception {
        IssuedCertificate identity = ChannelClients.enrolled(node, location, name, address);
        return CountingSslContext.of(TlsMaterial.clientContext(node.agent().nodes().authority().certificate(),
                identity));
    }

    private static HttpClient client(CountingSslContext tls, HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(tls).version(version).build();
    }

    /**
     * A long-poll at the newest revision, waiting: one the replication answers at once (a revision
     * still on its way) is sent again at the revision it told, until one waits for a whole second.
     */
    private static CompletableFuture<HttpResponse<String>> waitingPoll(HttpClient client) throws Exception {
        long[] since = {-1};
        return Await.until(Duration.ofSeconds(10), () -> {
            CompletableFuture<HttpResponse<String>> poll = client.sendAsync(HttpRequest.newBuilder(
                    ChannelClients.uri(node, NodeChannel.CONFIG + "?since=" + since[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> answered = poll.get(1, TimeUnit.SECONDS);
                assertEquals(200, answered.statusCode(), answered.body());
                since[0] = NodeChannel.json().readTree(answered.body()).get("revision").asLong();
                return null;
            } catch (java.util.concurrent.TimeoutException waiting) {
                return poll;
            }
        }, poll -> poll != null);
    }

    private static HttpRequest heartbeat() throws Exception {
        Heartbeat heartbeat = new Heartbeat("test", "2026-12-04T10:00:00Z", 0, Capacity.ofCpus(4),
                Heartbeat.Load.idle(), false, 4, 8192);
        return HttpRequest.newBuilder(ChannelClients.uri(node, NodeChannel.HEARTBEAT)).POST(
                HttpRequest.BodyPublishers.ofByteArray(NodeChannel.json().writeValueAsBytes(heartbeat))).build();
    }

    private static double gauge(String protocol) {
        return node.agent().metrics().registry().find("confab.channel.connections").tag("protocol", protocol)
                .gauge().value();
    }
}
