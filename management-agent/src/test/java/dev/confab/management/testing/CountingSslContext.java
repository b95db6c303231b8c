package dev.confab.management.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.KeyManager;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link SSLContext} that counts the TLS engines made from it: the JDK's HTTP client makes one
 * for each connection it opens, so the count is the connections a client opened. Thread-safe.
 */
public final class CountingSslContext extends SSLContext {

    private final AtomicInteger engines;

    private CountingSslContext(SSLContext delegate, AtomicInteger engines) {
        super(new Counting(delegate, engines), delegate.getProvider(), delegate.getProtocol());
        this.engines = engines;
    }

    /** Counts the engines made from {@code delegate}. */
    public static CountingSslContext of(SSLContext delegate) {
        return new CountingSslContext(delegate, new AtomicInteger());
    }

    /** The engines made so far: one per connection the JDK's HTTP client opened. */
    public int engines() {
        return engines.get();
    }

    private static final class Counting extends SSLContextSpi {

        private final SSLContext delegate;
        private final AtomicInteger engines;

        Counting(SSLContext delegate, AtomicInteger engines) {
            this.delegate = delegate;
            this.engines = engines;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
                throws java.security.KeyManagementException {
            delegate.init(km, tm, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            engines.incrementAndGet();
            return delegate.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            engines.incrementAndGet();
            return delegate.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetDefaultSSLParameters() {
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }
}
