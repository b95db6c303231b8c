package dev.confab.shared.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Maps key algorithm identifiers to the JDK's names, so keys come from the JDK's own providers. */
final class KeyAlgorithms {

    private KeyAlgorithms() {
    }

    /** "RSA" or "EC"; refuses other algorithms. */
    static String jdkName(ASN1ObjectIdentifier algorithm) {
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        throw new PkiException("Keys of algorithm " + algorithm + " are not supported; use an RSA or EC key.");
    }

    static PublicKey publicKey(SubjectPublicKeyInfo info) {
        String name = jdkName(info.getAlgorithm().getAlgorithm());
        try {
            return KeyFactory.getInstance(name).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("The " + name + " public key is damaged or uses unsupported parameters: "
                    + e.getMessage(), e);
        }
    }
}
