package dev.confab.shared.ipsec;

import dev.confab.shared.pki.IssuedCertificate;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What charon needs to authenticate this node and its peers: the node's certificate and key, and
 * the platform CA's certificate. {@link #toString()} never shows the key.
 */
public record IpsecCredentials(IssuedCertificate node, X509Certificate ca) {

    public IpsecCredentials {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ca, "ca");
    }
}
