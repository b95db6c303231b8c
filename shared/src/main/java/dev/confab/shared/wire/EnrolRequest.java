package dev.confab.shared.wire;

/**
 * Body of {@code POST /node/v1/enrol}: the single-use token from the node's configuration file and a
 * PKCS#10 request (PEM) signed by the key the node made for itself.
 */
public record EnrolRequest(String token, String csr) {

    @Override
    public String toString() {
        return "EnrolRequest[token=(hidden)]";
    }
}
