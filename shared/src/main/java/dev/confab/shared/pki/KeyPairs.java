package dev.confab.shared.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Fresh key pairs. EC P-256 is the default for every key Confab makes; RSA exists for operators
 * whose tooling insists on it. Stateless and thread-safe.
 */
public final class KeyPairs {

    /** The shortest RSA key Confab will make or certify. */
    public static final int MIN_RSA_BITS = 2048;

    private KeyPairs() {
    }

    /** A new EC key pair on the NIST P-256 curve (secp256r1). */
    public static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is unavailable in this Java runtime", e);
        }
    }

    /** A new RSA key pair of {@code bits} bits; refuses fewer than {@value #MIN_RSA_BITS}. */
    public static KeyPair rsa(int bits) {
        if (bits < MIN_RSA_BITS) {
            throw new PkiException("RSA keys of " + bits + " bits are too weak; use at least " + MIN_RSA_BITS
                    + " bits, or an EC P-256 key.");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable in this Java runtime", e);
        }
    }
}
