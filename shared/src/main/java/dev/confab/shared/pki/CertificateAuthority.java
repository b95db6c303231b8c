package dev.confab.shared.pki;

import dev.confab.shared.crypto.SecretBox;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The platform's own certificate authority: an EC P-256 key and a self-signed CA certificate valid
 * for ten years, which signs the certificates nodes use to authenticate to each other (serverAuth
 * and clientAuth), keeps the set of revoked serial numbers and signs CRLs listing them.
 *
 * <p>Persistence: {@link #save} writes {@code ca.crt}, {@code ca.key.enc} (sealed with a
 * {@link SecretBox}, mode 0600) and {@code revoked.txt}, each replaced atomically. Once the authority
 * has been saved or loaded, {@link #revoke} records the revocation in that directory before it
 * returns, and throws, leaving the serial unrevoked, when it cannot.
 *
 * <p>Thread-safe: the key and certificate never change; revocations and CRL numbers are guarded.
 */
public final class CertificateAuthority {

    /** How long a new authority's certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(3653);

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final Clock clock;
    private final Object lock = new Object();
    // the three fields below are guarded by lock
    private Map<BigInteger, Instant> revoked;
    private Path directory;
    private BigInteger lastCrlNumber = BigInteger.ZERO;

    private CertificateAuthority(CaStore.Contents contents, Clock clock, Path directory) {
        this.certificate = contents.certificate();
        this.privateKey = contents.privateKey();
        this.revoked = Collections.unmodifiableMap(new TreeMap<>(contents.revoked()));
        this.clock = clock;
        this.directory = directory;
    }

    /** A new authority named {@code commonName}; it lives in memory until {@link #save}d. */
    public static CertificateAuthority create(String commonName, Clock clock) {
        KeyPair keys = KeyPairs.ecP256();
        X500Name name = Names.commonName(commonName);
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        Issuance.Template template = Issuance.template(name, key, clock.instant(), VALIDITY, Profiles.authority());
        X509Certificate certificate = Issuance.sign(template, name, keys.getPublic(), keys.getPrivate());
        return new CertificateAuthority(new CaStore.Contents(certificate, keys.getPrivate(), Map.of()), clock, null);
    }

    /** The authority saved in {@code directory}, its key opened with {@code box}. */
    public static CertificateAuthority load(Path directory, SecretBox box, Clock clock) {
        return new CertificateAuthority(CaStore.load(directory, box), clock, directory);
    }

    /** The authority in {@code directory}, or a new one named {@code commonName}, saved there, when it is empty. */
    public static CertificateAuthority loadOrCreate(Path directory, SecretBox box, String commonName, Clock clock) {
        if (CaStore.exists(directory)) {
            return load(directory, box, clock);
        }
        CertificateAuthority authority = create(commonName, clock);
        authority.save(directory, box);
        return authority;
    }

    /** The self-signed CA certificate, which nodes trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate, lowercase hex pairs joined by colons: what nodes pin. */
    public String fingerprintSha256() {
        return Fingerprints.sha256(certificate);
    }

    /**
     * Signs {@code csrPem}'s key (after checking the request's signature) into a certificate for
     * serverAuth and clientAuth. The subject is {@code commonName} and the alternative names are
     * {@code sans}, whatever the request asked for. Validity starts a few minutes before now and
     * never outlasts the authority.
     */
    public X509Certificate issue(String csrPem, String commonName, List<String> sans, Duration validity) {
        CertificateRequest request = CertificateRequest.parse(csrPem);
        request.requireStrongKey();
        Instant now = clock.instant();
        Instant authorityEnd = certificate.getNotAfter().toInstant();
        if (!now.isBefore(authorityEnd)) {
            throw new PkiException("The certificate authority expired on " + authorityEnd + "; create a new"
                    + " authority and enrol the nodes again.");
        }
        SubjectPublicKeyInfo key = request.subjectPublicKeyInfo();
        Issuance.Template template = Issuance.template(Names.commonName(commonName), key, now, validity,
                Profiles.endEntity(sans, key, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));
        X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return Issuance.sign(template.endingBy(authorityEnd), issuer, certificate.getPublicKey(), privateKey);
    }

    /** Revokes {@code serial}; revoking it again changes nothing. */
    public void revoke(BigInteger serial) {
        synchronized (lock) {
            if (revoked.containsKey(serial)) {
                return;
            }
            Map<BigInteger, Instant> updated = new TreeMap<>(revoked);
            updated.put(serial, clock.instant());
            if (directory != null) {
                CaStore.saveRevoked(directory, updated);
            }
            revoked = Collections.unmodifiableMap(updated);
        }
    }

    /** True when {@code serial} has been revoked. */
    public boolean isRevoked(BigInteger serial) {
        synchronized (lock) {
            return revoked.containsKey(serial);
        }
    }

    /** A snapshot of the revoked serial numbers, in ascending order. */
    public Set<BigInteger> revokedSerials() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new TreeSet<>(revoked.keySet()));
        }
    }

    /** A CRL, signed now, listing every revoked serial; each CRL's number is higher than the last one's. */
    public X509CRL crl() {
        Map<BigInteger, Instant> snapshot;
        BigInteger number;
        Instant now;
        synchronized (lock) {
            now = clock.instant();
            // millisecond time keeps numbers rising across restarts; the counter keeps them rising within one
            lastCrlNumber = lastCrlNumber.add(BigInteger.ONE).max(BigInteger.valueOf(now.toEpochMilli()));
            number = lastCrlNumber;
            snapshot = revoked;
        }
        return RevocationList.sign(certificate, privateKey, snapshot, number, now);
    }

    /**
     * Writes the authority to {@code directory}, creating it (mode 0700) when needed, and keeps
     * revocations there from now on. Refuses a directory that holds a different authority.
     */
    public void save(Path directory, SecretBox box) {
        synchronized (lock) {
            if (CaStore.exists(directory) && !CaStore.holds(directory, certificate)) {
                throw new PkiException(directory + " already holds a different certificate authority; save this one"
                        + " elsewhere, or move the old one away deliberately (its certificates stop working).");
            }
            CaStore.save(directory, box, new CaStore.Contents(certificate, privateKey, revoked));
            this.directory = directory;
        }
    }
}
