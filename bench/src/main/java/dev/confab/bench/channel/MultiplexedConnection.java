package dev.confab.bench.channel;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One kept-alive HTTP/2 connection over mutual TLS from a simulated node to the Management Node, as
 * the agent's client keeps: every request on a stream of its own, however many are under way (the
 * heartbeats beside the waiting long-poll). It opens (TCP, then the TLS handshake, which must agree
 * on {@code h2}) on the first request and again on the first one after it closed, once the
 * transport's {@link Openings} let it in; requests made meanwhile wait for it. A request fails on
 * its timeout (counted from when it is sent or, if it waits for the connection, from when the
 * connection was let in to open), which resets its stream only; on a TLS or I/O error; and when the
 * connection closes before the answer, which fails every request on it. All state lives on the
 * connection's event loop, where the answers complete too. Thread-safe.
 */
final class MultiplexedConnection implements NodeLink {

    /** The window each stream and the connection offer: a large configuration answer flows without waiting. */
    private static final int WINDOW_BYTES = 1 << 20;

    private final NodeTransport transport;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    // the fields below are used on the event loop only
    private final List<Exchange> waiting = new ArrayList<>();
    private final Set<Exchange> underWay = new LinkedHashSet<>();
    private Channel channel;
    private boolean ready;
    /** Whether the connection waits among the transport's openings to be let in. */
    private boolean entering;
    private Openings.Slot slot;

    /** A request, its answer and, once sent, its stream and deadline. */
    private static final class Exchange {
        final FullHttpRequest request;
        final long timeoutMillis;
        final CompletableFuture<NodeConnection.Answer> answer = new CompletableFuture<>();
        ScheduledFuture<?> deadline;
        Channel stream;

        Exchange(FullHttpRequest request, long timeoutMillis) {
            this.request = request;
            this.timeoutMillis = timeoutMillis;
        }
    }

    MultiplexedConnection(NodeTransport transport, EventLoop loop, SslContext tls, String host, int port) {
        this.transport = transport;
        this.loop = loop;
        this.host = host;
        this.port = port;
        // the connection preface waits in the TLS handler until the handshake is done
        this.bootstrap = transport.bootstrap(loop, tls, host, port, pipeline -> pipeline.addLast(new Events(),
                Http2FrameCodecBuilder.forClient().initialSettings(Http2Settings.defaultSettings()
                        .initialWindowSize(WINDOW_BYTES)).build(),
                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter())));
    }

    @Override
    public CompletableFuture<NodeConnection.Answer> get(String pathAndQuery, Duration timeout) {
        return send(NodeConnection.request(HttpMethod.GET, host, port, pathAndQuery, null), timeout);
    }

    @Override
    public CompletableFuture<NodeConnection.Answer> postJson(String path, byte[] json, Duration timeout) {
        return send(NodeConnection.request(HttpMethod.POST, host, port, path, json), timeout);
    }

    @Override
    public void close() {
        execute(() -> {
            if (channel != null) {
                closed(forgetChannel(), new IOException("the connection was closed by the node"));
            }
            failWaiting(new IOException("the connection was closed by the node"));
        });
    }

    private CompletableFuture<NodeConnection.Answer> send(FullHttpRequest request, Duration timeout) {
        Exchange exchange = new Exchange(request, timeout.toMillis());
        try {
            // always queued, even on the event loop: a request sent again from the callback of one
            // that failed at once must not recurse
            loop.execute(() -> {
                if (ready) {
                    startDeadline(exchange);
                    openStream(exchange);
                    return;
                }
                waiting.add(exchange);
                if (channel != null) {
                    startDeadline(exchange); // the connection is opening already
                } else if (!entering) {
                    entering = true;
                    transport.openings().enter(loop, this::open);
                }
            });
        } catch (RejectedExecutionException e) {
            exchange.answer.completeExceptionally(new IOException("the node transport is closed", e));
        }
        return exchange.answer;
    }

    private void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Opens the connection, let in by the transport's openings, unless no request waits for it any more. */
    private void open(Openings.Slot let) {
        entering = false;
        waiting.removeIf(exchange -> exchange.answer.isDone());
        if (waiting.isEmpty() || channel != null) {
            let.leave();
            return;
        }
        slot = let;
        waiting.forEach(this::startDeadline);
        ChannelFuture connecting = bootstrap.connect(host, port);
        Channel opening = connecting.channel();
        channel = opening;
        opening.closeFuture().addListener(done -> {
            // this connection's place only: a later connection may hold another by now
            let.leave();
            if (slot == let) {
                slot = null;
            }
            if (channel == opening) {
                closed(forgetChannel(), new IOException("the Management Node closed the connection"));
            }
        });
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                opening.close();
                failWaiting(connected.cause());
            }
        });
    }

    private void leaveOpenings() {
        if (slot != null) {
            slot.leave();
            slot = null;
        }
    }

    private void startDeadline(Exchange exchange) {
        if (exchange.deadline == null) {
            exchange.deadline = loop.schedule(() -> fail(exchange, new TimeoutException("no answer within "
                    + exchange.timeoutMillis + " ms")), exchange.timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** The connection agreed on HTTP/2: the requests that waited go out, each on a stream. */
    private void connected() {
        ready = true;
        List<Exchange> sending = new ArrayList<>(waiting);
        waiting.clear();
        sending.forEach(this::openStream);
    }

    private void openStream(Exchange exchange) {
        if (exchange.answer.isDone()) {
            release(exchange);
            return;
        }
        underWay.add(exchange);
        new Http2StreamChannelBootstrap(channel).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                // configuration answers come gzipped, as to the agent: unzipped before aggregation
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false), new HttpContentDecompressor(0),
                        new HttpObjectAggregator(NodeConnection.MAX_ANSWER_BYTES), new Receiver(exchange));
            }
        }).open().addListener(opened -> {
            if (!opened.isSuccess()) {
                fail(exchange, opened.cause());
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
            exchange.stream = stream;
            if (exchange.answer.isDone()) {
                release(exchange);
                stream.close();
                return;
            }
            stream.writeAndFlush(exchange.request).addListener(written -> {
                if (!written.isSuccess()) {
                    fail(exchange, written.cause());
                }
            });
        });
    }

    private void complete(Exchange exchange, NodeConnection.Answer answer) {
        if (finish(exchange)) {
            exchange.answer.complete(answer);
        }
    }

    /** Fails {@code exchange} unless it ended, resetting its stream; the connection stays. */
    private void fail(Exchange exchange, Throwable cause) {
        if (finish(exchange)) {
            release(exchange);
            waiting.remove(exchange);
            exchange.answer.completeExceptionally(cause);
        }
    }

    /** Whether {@code exchange} was still under way; it no longer is, and its stream is closed. */
    private boolean finish(Exchange exchange) {
        if (exchange.answer.isDone()) {
            return false;
        }
        underWay.remove(exchange);
        if (exchange.deadline != null) {
            exchange.deadline.cancel(false);
        }
        if (exchange.stream != null && exchange.stream.isOpen()) {
            exchange.stream.close();
        }
        return true;
    }

    private static void release(Exchange exchange) {
        if (exchange.request.refCnt() > 0) {
            // never written: the encoder releases a request once it has written it
            ReferenceCountUtil.release(exchange.request);
        }
    }

    /**
     * The connection closed: every request on it or waiting for it fails, and the next request
     * opens another (requests made by the failures' callbacks wait for it).
     */
    private void closed(Channel gone, Throwable cause) {
        ready = false;
        gone.close();
        List<Exchange> failing = new ArrayList<>(underWay);
        failing.addAll(waiting);
        failing.forEach(exchange -> fail(exchange, cause));
    }

    /** Fails the requests waiting for the connection now (each leaves {@link #waiting} as it fails). */
    private void failWaiting(Throwable cause) {
        new ArrayList<>(waiting).forEach(exchange -> fail(exchange, cause));
    }

    private Channel forgetChannel() {
        Channel forgotten = channel;
        channel = null;
        ready = false;
        return forgotten;
    }

    /** The connection's handshake: counted, and the requests that waited for it sent or failed. */
    private final class Events extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent handshake && context.channel() == channel) {
                leaveOpenings();
                SslHandler tls = context.pipeline().get(SslHandler.class);
                transport.handshakeEnded(handshake.isSuccess(), tls.engine());
                if (!handshake.isSuccess()) {
                    closed(forgetChannel(), handshake.cause());
                } else if (!ApplicationProtocolNames.HTTP_2.equals(tls.applicationProtocol())) {
                    closed(forgetChannel(), new IOException("the server did not agree on HTTP/2 (ALPN gave "
                            + tls.applicationProtocol() + ")"));
                } else {
                    connected();
                }
            }
            super.userEventTriggered(context, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (context.channel() == channel) {
                closed(forgetChannel(), cause);
            } else {
                context.close();
            }
        }
    }

    /** Hands a stream's answer to its request; a stream closed or failed before it fails the request. */
    private final class Receiver extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final Exchange exchange;

        Receiver(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            complete(exchange, new NodeConnection.Answer(response.status().code(),
                    ByteBufUtil.getBytes(response.content())));
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            fail(exchange, new IOException("the stream closed before its answer"));
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail(exchange, cause);
        }
    }
}
