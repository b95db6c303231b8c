package dev.confab.bench.channel;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One kept-alive HTTP/1.1 connection over mutual TLS from a simulated node to the Management Node.
 * It opens (TCP, then the TLS handshake, resuming the node's last session where it can) on the
 * first request and again on the first one after it closed, once the transport's {@link Openings}
 * let it in, and carries one request at a time: a request made while another is under way waits
 * for it. A request fails on its timeout, counted from when it is sent or, if it needs the
 * connection opened, from when it was let in to open it (a timeout closes the connection), on a
 * TLS or I/O error, and when the connection closes before the answer. All state lives on the
 * connection's event loop, where the answers complete too. Thread-safe.
 */
final class NodeConnection implements NodeLink {

    /** How long a TLS handshake may take. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    /** The place a connection holds among those opening, until its handshake ended. */
    private static final AttributeKey<Openings.Slot> OPENING = AttributeKey.valueOf("opening");

    /** Largest answer accepted: a configuration snapshot of a thousand nodes fits many times over. */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    /** An answer: its HTTP status and its body. */
    record Answer(int status, byte[] body) {
    }

    private record Exchange(FullHttpRequest request, long timeoutMillis, CompletableFuture<Answer> answer) {
    }

    private final NodeTransport transport;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    // the fields below are used on the event loop only
    private final Queue<Exchange> waiting = new ArrayDeque<>();
    private Channel channel;
    private Exchange current;
    private ScheduledFuture<?> deadline;

    NodeConnection(NodeTransport transport, EventLoop loop, SslContext tls, String host, int port) {
        this.transport = transport;
        this.loop = loop;
        this.host = host;
        this.port = port;
        // configuration answers come gzipped, as to the agent: unzipped before aggregation
        this.bootstrap = transport.bootstrap(loop, tls, host, port, pipeline -> pipeline.addLast(new HttpClientCodec(),
                new HttpContentDecompressor(0), new HttpObjectAggregator(MAX_ANSWER_BYTES), new Receiver()));
    }

    @Override
    public CompletableFuture<Answer> get(String pathAndQuery, Duration timeout) {
        return send(request(HttpMethod.GET, host, port, pathAndQuery, null), timeout);
    }

    @Override
    public CompletableFuture<Answer> postJson(String path, byte[] json, Duration timeout) {
        return send(request(HttpMethod.POST, host, port, path, json), timeout);
    }

    @Override
    public void close() {
        execute(() -> {
            IOException closed = new IOException("the connection was closed by the node");
            while (!waiting.isEmpty()) {
                Exchange exchange = waiting.poll();
                ReferenceCountUtil.release(exchange.request());
                exchange.answer().completeExceptionally(closed);
            }
            if (current != null) {
                fail(current, closed);
            } else if (channel != null) {
                forgetChannel().close();
            }
        });
    }

    /**
     * An HTTP/1.1 request as the agent sends it: {@code Host} with the port, and for a body
     * {@code Content-Type: application/json} and its length. HTTP/1.1 keeps the connection alive
     * without a {@code Connection} header.
     */
    static FullHttpRequest request(HttpMethod method, String host, int port, String uri, byte[] jsonOrNull) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                jsonOrNull == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(jsonOrNull));
        request.headers().set(HttpHeaderNames.HOST,
                (NetUtil.isValidIpV6Address(host) ? "[" + host + "]" : host) + ":" + port);
        if (jsonOrNull != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, jsonOrNull.length);
        } else {
            // as the agent asks for its configuration polls
            request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP);
        }
        return request;
    }

    private CompletableFuture<Answer> send(FullHttpRequest request, Duration timeout) {
        Exchange exchange = new Exchange(request, timeout.toMillis(), new CompletableFuture<>());
        try {
            execute(() -> {
                waiting.add(exchange);
                next();
            });
        } catch (RejectedExecutionException e) {
            exchange.answer().completeExceptionally(new IOException("the node transport is closed", e));
        }
        return exchange.answer();
    }

    private void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Starts the next waiting request unless one is under way. */
    private void next() {
        if (current != null || waiting.isEmpty()) {
            return;
        }
        Exchange exchange = waiting.poll();
        current = exchange;
        if (channel != null && channel.isActive()) {
            startDeadline(exchange);
            write(exchange);
            return;
        }
        if (channel != null) {
            forgetChannel().close();
        }
        transport.openings().enter(loop, slot -> open(exchange, slot));
    }

    /** Opens the connection for {@code exchange}, let in by the transport's openings, unless it ended meanwhile. */
    private void open(Exchange exchange, Openings.Slot slot) {
        if (current != exchange) {
            slot.leave();
            return;
        }
        startDeadline(exchange);
        ChannelFuture connecting = bootstrap.connect(host, port);
        channel = connecting.channel();
        // the slot is free once the handshake ended, or the connection did before it
        channel.attr(OPENING).set(slot);
        channel.closeFuture().addListener(closed -> slot.leave());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                fail(exchange, connected.cause());
            } else if (current == exchange) {
                write(exchange);
            }
        });
    }

    private void startDeadline(Exchange exchange) {
        deadline = loop.schedule(() -> fail(exchange, new TimeoutException("no answer within "
                + exchange.timeoutMillis() + " ms")), exchange.timeoutMillis(), TimeUnit.MILLISECONDS);
    }

    private void write(Exchange exchange) {
        channel.writeAndFlush(exchange.request()).addListener(written -> {
            if (!written.isSuccess()) {
                fail(exchange, written.cause());
            }
        });
    }

    private void complete(Exchange exchange, Answer answer) {
        current = null;
        deadline.cancel(false);
        deadline = null;
        exchange.answer().complete(answer);
        next();
    }

    /** Fails {@code exchange} if it is still the one under way, and closes the connection it used. */
    private void fail(Exchange exchange, Throwable cause) {
        if (current != exchange) {
            return;
        }
        current = null;
        if (deadline != null) {
            deadline.cancel(false); // none yet while it waits to open its connection
            deadline = null;
        }
        if (exchange.request().refCnt() > 0) {
            // never written: the encoder releases a request once it has written it
            exchange.request().release();
        }
        if (channel != null) {
            forgetChannel().close();
        }
        exchange.answer().completeExceptionally(cause);
        next();
    }

    private Channel forgetChannel() {
        Channel forgotten = channel;
        channel = null;
        return forgotten;
    }

    /** Hands each answer to the request under way; a closed connection or an error fails it. */
    private final class Receiver extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            Exchange exchange = current;
            if (context.channel() != channel || exchange == null) {
                context.close(); // an answer no request waits for: the connection is out of step
                return;
            }
            Answer answer = new Answer(response.status().code(), ByteBufUtil.getBytes(response.content()));
            if (!HttpUtil.isKeepAlive(response)) {
                forgetChannel().close();
            }
            complete(exchange, answer);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                Openings.Slot slot = context.channel().attr(OPENING).getAndSet(null);
                if (slot != null) {
                    slot.leave();
                }
                transport.handshakeEnded(handshake.isSuccess(), context.pipeline().get(SslHandler.class).engine());
                if (!handshake.isSuccess() && context.channel() == channel && current != null) {
                    fail(current, handshake.cause());
                }
            }
            super.userEventTriggered(context, event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            if (context.channel() == channel) {
                channel = null;
                if (current != null) {
                    fail(current, new IOException("the Management Node closed the connection"));
                }
            }
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (context.channel() == channel && current != null) {
                fail(current, cause);
            }
            context.close();
        }
    }
}
