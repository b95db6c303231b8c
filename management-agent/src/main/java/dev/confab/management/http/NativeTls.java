package dev.confab.management.http;

import org.conscrypt.Conscrypt;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.Security;

/**
 * BoringSSL (Conscrypt) as the TLS of a Jetty connector, where its native library loads (Linux,
 * macOS and Windows on x86-64): a connection's TLS state then lives in native memory, not on the
 * Java heap, and handshakes cost a fraction of the JDK's. The JDK's TLS otherwise, or when the
 * system property {@value #PROPERTY} is {@code jdk}. The provider is added last, so nothing else
 * picks it unasked. Thread-safe.
 */
public final class NativeTls {

    /** {@code -Dconfab.tls=jdk} keeps the JDK's TLS everywhere. */
    public static final String PROPERTY = "confab.tls";
    private static final String PROVIDER = "Conscrypt";
    private static final String UNAVAILABLE = unavailable();

    private NativeTls() {
    }

    /** Why BoringSSL is not used here, or null when it is available. */
    private static String unavailable() {
        if ("jdk".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return "-D" + PROPERTY + "=jdk";
        }
        try {
            if (!Conscrypt.isAvailable()) {
                return "Conscrypt's native library does not load on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch");
            }
            synchronized (NativeTls.class) {
                if (Security.getProvider(PROVIDER) == null) {
                    Security.addProvider(Conscrypt.newProvider());
                }
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "Conscrypt failed to start: " + e;
        }
    }

    /**
     * Makes {@code ssl} use BoringSSL where it is available; returns which TLS the connector will
     * use, for the log.
     */
    public static String use(SslContextFactory.Server ssl) {
        if (UNAVAILABLE != null) {
            return "the JDK's TLS (" + UNAVAILABLE + ")";
        }
        ssl.setProvider(PROVIDER);
        return "BoringSSL (Conscrypt " + Conscrypt.version().major() + "." + Conscrypt.version().minor() + "."
                + Conscrypt.version().patch() + ")";
    }
}
