package dev.confab.management.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Conscrypt's native library loads (Linux on x86-64, as CI), a connector's TLS is BoringSSL. */
class NativeTlsTest {

    @Test
    void aConnectorOnLinuxX86UsesBoringSsl() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64"), "Conscrypt ships BoringSSL for x86-64");
        SslContextFactory.Server ssl = new SslContextFactory.Server();

        String used = NativeTls.use(ssl);

        assertTrue(used.startsWith("BoringSSL (Conscrypt 2."), used);
        assertEquals("Conscrypt", ssl.getProvider());
    }
}
