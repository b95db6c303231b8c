package dev.confab.shared.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The extensions that make a certificate an authority or a TLS endpoint. */
final class Profiles {

    private Profiles() {
    }

    /** A certificate authority: may sign certificates and CRLs, nothing else. */
    static List<Extension> authority() {
        return List.of(
                extension(Extension.basicConstraints, true, new BasicConstraints(true)),
                extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    }

    /** A TLS end entity for {@code sans} with the given purposes (serverAuth, clientAuth). */
    static List<Extension> endEntity(List<String> sans, SubjectPublicKeyInfo key, KeyPurposeId... purposes) {
        boolean rsa = key.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption);
        // RSA key exchange (TLS 1.2) encrypts to the key; ECDHE only needs signatures
        int usage = rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        List<Extension> extensions = new ArrayList<>(List.of(
                extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                extension(Extension.keyUsage, true, new KeyUsage(usage)),
                extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes))));
        if (!sans.isEmpty()) {
            extensions.add(extension(Extension.subjectAlternativeName, false, Names.subjectAltNames(sans)));
        }
        return List.copyOf(extensions);
    }

    private static Extension extension(ASN1ObjectIdentifier type, boolean critical, ASN1Encodable value) {
        try {
            return Extension.create(type, critical, value);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a certificate extension in memory cannot fail", e);
        }
    }
}
