package dev.confab.shared.ipsec;

/**
 * This node's side of every tunnel: its address (the IKE identity, which its certificate carries as
 * an IP subject alternative name) and the names of its credential files inside the swanctl
 * directory ({@code x509/}, {@code private/}, {@code x509ca/}).
 *
 * @param name            the node's name, for comments in the rendered file
 * @param address         this node's address: local_addrs, the local id and the /32 (or /128) selector
 * @param certificateFile file name of the node's certificate under {@code x509/}
 * @param privateKeyFile  file name of its private key under {@code private/}
 * @param caFile          file name of the platform CA's certificate under {@code x509ca/}
 */
public record IpsecIdentity(String name, String address, String certificateFile, String privateKeyFile,
                            String caFile) {

    /** The file names every Confab node uses. */
    public static IpsecIdentity of(String name, String address) {
        return new IpsecIdentity(name, address, "node.crt", "node.key", "ca.crt");
    }
}
