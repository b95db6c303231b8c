package dev.confab.shared.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Tells whether a private key is the other half of a public key, by signing and verifying a message. */
final class KeyMatch {

    private static final byte[] CHALLENGE = "confab key match".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(Issuance.signatureAlgorithm(privateKey));
            signer.initSign(privateKey);
            signer.update(CHALLENGE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(Issuance.signatureAlgorithm(privateKey));
            verifier.initVerify(publicKey);
            verifier.update(CHALLENGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // keys on different curves or with unusable parameters do not belong together
            return false;
        }
    }
}
