package dev.confab.management.auth;

import dev.confab.management.store.AccountDao;
import dev.confab.management.store.Daos;
import dev.confab.management.store.Store;
import dev.confab.management.store.Times;
import dev.confab.shared.crypto.PasswordHash;
import dev.confab.shared.crypto.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the web administration account's password and API tokens against their stored hashes.
 * The password hash is deliberately slow; a successful check is remembered under a keyed digest
 * (never the password itself) until a minute passes without it being used, so scripted API clients
 * are not slowed on every call; setting a password forgets every one.
 * Thread-safe.
 */
public final class Credentials {

    private static final Duration REMEMBER = Duration.ofMinutes(1);
    /** Checked against when the user does not exist, so both cases take as long. */
    private static final String DUMMY_HASH =
            "pbkdf2_sha256$310000$0yWaNTAE6SRpG7827iNDNA$N6H82lsjyspczBPRsqi3KhiVFAfTX06uu11n6U50HkI=";

    private final Store store;
    private final Clock clock;
    private final byte[] cacheKey = new byte[32];
    private final ConcurrentHashMap<String, Instant> verified = new ConcurrentHashMap<>();

    public Credentials(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        new SecureRandom().nextBytes(cacheKey);
    }

    /**
     * Whether the username and password passed {@link #checkPassword} and have been used within the
     * last minute: known to be right without the slow hash. Counts as a use.
     */
    public boolean remembered(String username, String password) {
        return remembered(digest(username + "\u0000" + password));
    }

    private boolean remembered(String key) {
        Instant until = verified.get(key);
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            verified.replace(key, until, now.plus(REMEMBER)); // a minute after its last use
            return true;
        }
        return false;
    }

    /** Whether the username and password match the web administration account. */
    public boolean checkPassword(String username, String password) {
        String key = digest(username + "\u0000" + password);
        if (remembered(key)) {
            return true;
        }
        Instant now = clock.instant();
        Optional<String> hash = store.read(handle -> Daos.on(handle, AccountDao.class).passwordHash(username));
        boolean ok = hash.isPresent() && PasswordHash.verify(password.toCharArray(), hash.get());
        if (!ok && hash.isEmpty()) {
            // spend the same time as a real check, so a wrong user name is not told apart by timing
            PasswordHash.verify(password.toCharArray(), DUMMY_HASH);
        }
        if (ok) {
            verified.put(key, now.plus(REMEMBER));
        }
        return ok;
    }

    /** The name of the API token, if the token is known. */
    public Optional<String> checkToken(String token) {
        String hash = Tokens.sha256Hex(token);
        return store.read(handle -> Daos.on(handle, AccountDao.class).tokenName(hash));
    }

    /** Sets (or resets) the web administration account's password. */
    public void setPassword(String username, char[] password) {
        String hash = PasswordHash.hash(password);
        store.write(handle -> {
            Daos.on(handle, AccountDao.class).setPassword(username, hash, Times.format(clock.instant()));
            return null;
        });
        verified.clear();
    }

    /** Stores an already hashed password, as the installer hands it over. */
    public void setPasswordHash(String username, String hash) {
        store.write(handle -> {
            Daos.on(handle, AccountDao.class).setPassword(username, hash, Times.format(clock.instant()));
            return null;
        });
        verified.clear();
    }

    public boolean hasAccount() {
        return store.read(handle -> Daos.on(handle, AccountDao.class).accountCount()) > 0;
    }

    /** Issues a new API token; only its hash is kept, so the value is returned this once. */
    public String issueToken(String name) {
        String token = Tokens.random(32);
        store.write(handle -> {
            Daos.on(handle, AccountDao.class).addToken(name, Tokens.sha256Hex(token), Times.format(clock.instant()));
            return null;
        });
        return token;
    }

    public boolean revokeToken(String name) {
        return store.write(handle -> Daos.on(handle, AccountDao.class).removeToken(name)) > 0;
    }

    private String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cacheKey);
            return java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
