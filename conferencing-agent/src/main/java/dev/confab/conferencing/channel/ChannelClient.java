package dev.confab.conferencing.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ErrorResponse;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantList;
import dev.confab.shared.wire.NodeChannel;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The node's side of the node channel after enrolment: mutual TLS with the node's key and
 * certificate, trusting only the Management Node's CA (and checking that its certificate names the
 * address called). It speaks HTTP/2 where the Management Node offers it (Confab's does), and then
 * sends every call on one connection, kept alive, however many are under way at once: the
 * heartbeats go on the connection the long-poll waits on. Else it speaks HTTP/1.1, with a connection
 * kept alive for each call under way. When a call fails at the connection level (reset, closed
 * before the answer, refused) after calls were answered, the connections kept alive may all be
 * stale (the Management Node that held their other end is gone): the client drops them and sends
 * the call once more, at once, on a new connection. A call that then still finds no connection
 * throws {@link ManagementUnreachableException}. Thread-safe.
 */
public final class ChannelClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A caller waits for admission: a Management Node that does not answer within this is taken as unreachable. */
    private static final Duration ADMISSION_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = NodeChannel.json();
    private static final int MAX_SUMMARY = 200;

    private final SSLContext tls;
    private final String address;
    private final String base;
    private volatile Connections connections;

    public ChannelClient(String address, int port, X509Certificate ca, IssuedCertificate identity) {
        this.tls = TlsMaterial.clientContext(ca, identity);
        this.connections = new Connections(tls);
        String host = address.contains(":") ? "[" + address + "]" : address;
        this.address = address + ":" + port;
        this.base = "https://" + host + ":" + port;
    }

    /** The client of the node enrolled in {@code data}: its Management Node, CA, key and certificate. */
    public static ChannelClient forNode(NodeData data) {
        Map.Entry<String, Integer> management = data.management().orElseThrow(() -> new ConferencingException(
                "The data directory " + data.root() + " has no Management Node address: provision the node again."));
        X509Certificate ca = Pem.readCertificates(text(data.caCertificate())).get(0);
        X509Certificate certificate = Pem.readCertificates(text(data.certificate())).get(0);
        return new ChannelClient(management.getKey(), management.getValue(), ca,
                new IssuedCertificate(certificate, Pem.readPrivateKey(text(data.key()), null)));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConferencingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where this client calls, {@code address:port}, for the log. */
    String address() {
        return address;
    }

    /** Sends a heartbeat; throws {@link ChannelRefusedException} when the node is refused, IOException when unanswered. */
    public HeartbeatAnswer heartbeat(Heartbeat heartbeat) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.HEARTBEAT)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(heartbeat))).build();
        return JSON.readValue(send(request), HeartbeatAnswer.class);
    }

    /** Asks for a licence for one call; throws {@link ChannelRefusedException} when the node is refused, IOException when unanswered. */
    public LicenceAnswer licence(LicenceRequest licence) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.LICENCE)).timeout(ADMISSION_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(licence))).build();
        return JSON.readValue(send(request), LicenceAnswer.class);
    }

    /** The participants of {@code conference} on the whole platform, as the Management Node knows them. */
    public ParticipantList participants(String conference) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.PARTICIPANTS + "?"
                        + NodeChannel.CONFERENCE + "=" + URLEncoder.encode(conference, StandardCharsets.UTF_8)))
                .timeout(ADMISSION_TIMEOUT).GET().build();
        return JSON.readValue(send(request), ParticipantList.class);
    }

    /** Asks for what changed after {@code since} (negative: everything), waiting up to {@code wait} for a change. */
    public ConfigUpdate poll(long since, Duration wait) throws IOException, InterruptedException {
        // a configuration answer is JSON of many alike objects: gzip makes it several times smaller
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.CONFIG + "?" + NodeChannel.SINCE
                + "=" + since)).header("Accept-Encoding", "gzip").timeout(wait.plus(REQUEST_TIMEOUT)).GET().build();
        return JSON.readValue(send(request), ConfigUpdate.class);
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        Connections used = connections;
        HttpResponse<byte[]> response;
        try {
            response = used.send(request);
        } catch (IOException e) {
            if (ConnectionFailure.of(e) == ConnectionFailure.NONE || !used.answered()) {
                throw unreachable(e);
            }
            // the call may have gone on a kept-alive connection the Management Node no longer has
            response = sendAgain(used, request);
        }
        byte[] body = decoded(response);
        if (response.statusCode() == 200) {
            return body;
        }
        ChannelRefusedException refused = refusal(response.statusCode(), body);
        if (refused != null) {
            throw refused;
        }
        throw new IOException("The Management Node answered HTTP " + response.statusCode() + ": "
                + error(body).error());
    }

    /** The body as sent, unzipped when the Management Node compressed it ({@code Content-Encoding: gzip}). */
    static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim();
        if (encoding.equalsIgnoreCase("identity")) {
            return response.body();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new IOException("The Management Node answered with Content-Encoding " + encoding
                    + ", which this node does not read (it asks for gzip or none)");
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new IOException("The Management Node's gzip answer is corrupt: " + e.getMessage(), e);
        }
    }

    /** The call once more, at once, on a new connection: the first failure of its kind since calls were answered. */
    private HttpResponse<byte[]> sendAgain(Connections failed, HttpRequest request)
            throws IOException, InterruptedException {
        Connections fresh = renew(failed);
        try {
            return fresh.send(request);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Drops {@code failed} and the connections it keeps alive, unless another call already did. */
    private synchronized Connections renew(Connections failed) {
        if (connections == failed) {
            connections = new Connections(tls);
        }
        return connections;
    }

    /** {@code failure} as a {@link ManagementUnreachableException} when no connection could be opened; else itself. */
    private IOException unreachable(IOException failure) {
        if (ConnectionFailure.of(failure) != ConnectionFailure.UNREACHABLE) {
            return failure;
        }
        String reason = "connection refused"; // the HTTP client says so with no message
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
                break;
            }
        }
        return new ManagementUnreachableException("cannot connect to " + address + ": " + reason, failure);
    }

    /**
     * One HTTP client and the connections it keeps alive; answered once any call on it was, as only
     * then can it hold a connection to reuse. Thread-safe.
     */
    private static final class Connections {

        private final HttpClient http;
        private volatile boolean answered;

        Connections(SSLContext tls) {
            this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(CONNECT_TIMEOUT)
                    .version(HttpClient.Version.HTTP_2).build();
        }

        HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            answered = true;
            return response;
        }

        boolean answered() {
            return answered;
        }
    }

    /**
     * What an answer other than 200 means: a refusal of the node for 401 and 403, unknown only when
     * the body says {@link NodeChannel#UNKNOWN} (a Management Node that does not say is taken at its
     * word: refused for good); null for anything else (5xx…), which the loops retry.
     */
    static ChannelRefusedException refusal(int status, byte[] body) {
        if (status != 401 && status != 403) {
            return null;
        }
        ErrorResponse error = error(body);
        return new ChannelRefusedException("The Management Node refused this node: " + error.error(),
                status == 403 && NodeChannel.UNKNOWN.equals(error.node()));
    }

    private static ErrorResponse error(byte[] body) {
        try {
            ErrorResponse error = JSON.readValue(body, ErrorResponse.class);
            if (error != null && error.error() != null) {
                return error;
            }
        } catch (IOException e) {
            // not the channel's JSON: the body itself says what is wrong
        }
        return new ErrorResponse(summary(body), Map.of(), null);
    }

    /** A body that is not the channel's JSON, short enough for one log line: no HTML pages, at most 200 characters. */
    static String summary(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(no details)";
        }
        if (text.startsWith("<")) {
            return "(an HTML error page of " + body.length + " bytes, not the node channel's JSON)";
        }
        String line = text.lines().findFirst().orElse(text);
        return line.length() > MAX_SUMMARY ? line.substring(0, MAX_SUMMARY) + "…" : line;
    }
}
