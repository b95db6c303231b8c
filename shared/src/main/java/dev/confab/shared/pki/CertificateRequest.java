package dev.confab.shared.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A PKCS#10 certificate signing request whose self-signature has been checked: made here from a key
 * pair, or parsed from PEM (and refused when the signature does not verify, which means it was
 * altered or is not signed by the key it carries).
 *
 * <p>Immutable and thread-safe.
 */
public final class CertificateRequest {

    private final PKCS10CertificationRequest request;

    private CertificateRequest(PKCS10CertificationRequest request) {
        this.request = request;
    }

    /** A request signed by {@code keyPair} for {@code commonName} and {@code sans} (DNS names or IP literals). */
    public static CertificateRequest create(KeyPair keyPair, String commonName, List<String> sans) {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(Names.commonName(commonName), keyPair.getPublic());
            if (!sans.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, Names.subjectAltNames(sans));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return new CertificateRequest(builder.build(Issuance.signer(keyPair.getPrivate())));
        } catch (IOException e) {
            throw new IllegalStateException("encoding a signing request in memory cannot fail", e);
        }
    }

    /** Parses the first signing request in {@code pem} and checks its signature. */
    public static CertificateRequest parse(String pem) {
        for (Object object : Pem.objects(pem, "certificate signing request")) {
            if (object instanceof PKCS10CertificationRequest request) {
                verify(request);
                return new CertificateRequest(request);
            }
        }
        throw new PkiException("No certificate signing request found: expected PEM text with a block starting"
                + " with '-----BEGIN CERTIFICATE REQUEST-----'.");
    }

    /** The common name the requester asked for, or an empty string when it gave none. */
    public String commonName() {
        return Names.commonNameOf(request.getSubject());
    }

    /** The DNS names and IP addresses the requester asked for. */
    public List<String> subjectAltNames() {
        Attribute[] requested = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (requested.length == 0) {
            return List.of();
        }
        Extensions extensions = Extensions.getInstance(requested[0].getAttrValues().getObjectAt(0));
        return Names.values(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName));
    }

    public PublicKey publicKey() {
        return KeyAlgorithms.publicKey(request.getSubjectPublicKeyInfo());
    }

    public String pem() {
        try {
            return Pem.block("CERTIFICATE REQUEST", request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("encoding a signing request in memory cannot fail", e);
        }
    }

    SubjectPublicKeyInfo subjectPublicKeyInfo() {
        return request.getSubjectPublicKeyInfo();
    }

    /** Refuses keys too weak to certify. */
    void requireStrongKey() {
        if (publicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < KeyPairs.MIN_RSA_BITS) {
            throw new PkiException("The signing request has a " + rsa.getModulus().bitLength() + "-bit RSA key; keys"
                    + " shorter than " + KeyPairs.MIN_RSA_BITS + " bits are refused. Make a new key and request.");
        }
    }

    private static void verify(PKCS10CertificationRequest request) {
        PublicKey key = KeyAlgorithms.publicKey(request.getSubjectPublicKeyInfo());
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException e) {
            throw new PkiException("The signing request's signature cannot be checked (" + e.getMessage()
                    + "); make the request again with an RSA or EC key.", e);
        }
        if (!valid) {
            throw new PkiException("The signing request's signature does not verify: it was altered after it was"
                    + " signed. Make the request again and upload it unchanged.");
        }
    }
}
