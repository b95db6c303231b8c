package dev.confab.shared.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** Turns a parsed PEM private key, in any of the four forms OpenSSL writes, into a JDK {@link PrivateKey}. */
final class PrivateKeyReader {

    /** Used only to decrypt keys, and never installed, so the JVM's providers stay as they are. */
    private static final BouncyCastleProvider DECRYPTION = new BouncyCastleProvider();

    private PrivateKeyReader() {
    }

    static PrivateKey read(List<Object> objects, char[] passphrase) {
        for (Object object : objects) {
            if (object instanceof PrivateKeyInfo info) {
                return toJdk(info);
            } else if (object instanceof PEMKeyPair pair) {
                return toJdk(pair.getPrivateKeyInfo());
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return toJdk(decrypt(encrypted, requirePassphrase(passphrase)));
            } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                return toJdk(decrypt(encrypted, requirePassphrase(passphrase)).getPrivateKeyInfo());
            }
        }
        throw new PkiException("No private key found: expected PEM text with a block such as"
                + " '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----'. Check that you chose the key"
                + " file, not the certificate.");
    }

    private static char[] requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new PkiException("The private key is encrypted; enter its passphrase, or upload the key"
                    + " unencrypted (openssl pkey -in key.pem -out plain.pem).");
        }
        return passphrase;
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) {
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(DECRYPTION).build(passphrase));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw wrongPassphrase(e);
        }
    }

    private static PEMKeyPair decrypt(PEMEncryptedKeyPair encrypted, char[] passphrase) {
        try {
            return encrypted.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(DECRYPTION).build(passphrase));
        } catch (IOException | RuntimeException e) {
            throw wrongPassphrase(e);
        }
    }

    private static PkiException wrongPassphrase(Exception cause) {
        return new PkiException("The passphrase does not decrypt the private key; check the passphrase"
                + " (it is case-sensitive).", cause);
    }

    private static PrivateKey toJdk(PrivateKeyInfo info) {
        String name = KeyAlgorithms.jdkName(info.getPrivateKeyAlgorithm().getAlgorithm());
        try {
            return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("The " + name + " private key is damaged or uses unsupported parameters: "
                    + e.getMessage(), e);
        }
    }
}
