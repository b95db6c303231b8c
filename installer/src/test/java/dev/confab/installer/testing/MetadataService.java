package dev.confab.installer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EC2 instance metadata service on loopback that, like the real one with IMDSv2 required,
 * serves the user data only with a session token from {@code PUT /latest/api/token}.
 */
public final class MetadataService implements AutoCloseable {

    private static final String TOKEN = "test-session-token";

    private final HttpServer server;
    private final AtomicInteger tokenlessRequests = new AtomicInteger();
    private volatile String userData;

    public MetadataService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/latest/api/token", this::token);
        server.createContext("/latest/user-data", this::userData);
        server.start();
    }

    /** Sets the user data; null means the instance has none. */
    public void userData(String value) {
        userData = value;
    }

    public int tokenlessRequests() {
        return tokenlessRequests.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void token(HttpExchange exchange) throws IOException {
        boolean ok = exchange.getRequestMethod().equals("PUT")
                && exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") != null;
        reply(exchange, ok ? 200 : 400, ok ? TOKEN : "");
    }

    private void userData(HttpExchange exchange) throws IOException {
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            tokenlessRequests.incrementAndGet();
            reply(exchange, 401, "");
        } else {
            String data = userData;
            reply(exchange, data == null ? 404 : 200, data == null ? "" : data);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
