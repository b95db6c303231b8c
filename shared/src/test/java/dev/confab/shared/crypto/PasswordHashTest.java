package dev.confab.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    /** From Django's own test suite (tests/auth_tests/test_hashers.py, Django 1.9). */
    private static final String DJANGO_HASH =
            "pbkdf2_sha256$20000$seasalt$oBSd886ysm3AqYun62DOdin8YcfbU1z9cksZSuLP9r0=";

    @Test
    void hashesInDjangosFormatWithTheDefaultWorkFactor() {
        // When a password is hashed with the defaults
        String hash = PasswordHash.hash("s3cret".toCharArray());
        // Then it is pbkdf2_sha256$310000$<22-char salt>$<44-char hash>, and it verifies
        assertTrue(hash.matches("pbkdf2_sha256\\$310000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}="), hash);
        assertTrue(PasswordHash.verify("s3cret".toCharArray(), hash));
    }

    @Test
    void refusesAWrongPassword() {
        String hash = PasswordHash.hash("s3cret".toCharArray(), 1000);

        assertFalse(PasswordHash.verify("s3cret ".toCharArray(), hash));
        assertTrue(PasswordHash.verify("s3cret".toCharArray(), hash));
    }

    @Test
    void saltsEachHashDifferently() {
        assertNotEquals(PasswordHash.hash("same".toCharArray(), 1000), PasswordHash.hash("same".toCharArray(), 1000));
    }

    @Test
    void verifiesAHashMadeByDjango() {
        assertTrue(PasswordHash.verify("lètmein".toCharArray(), DJANGO_HASH));
        assertFalse(PasswordHash.verify("letmein".toCharArray(), DJANGO_HASH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"s3cret", "pbkdf2_sha256$20000$seasalt",
        "md5$20000$seasalt$oBSd886ysm3AqYun62DOdin8YcfbU1z9cksZSuLP9r0=",
        "pbkdf2_sha256$0$seasalt$oBSd886ysm3AqYun62DOdin8YcfbU1z9cksZSuLP9r0=",
        "pbkdf2_sha256$20000$seasalt$not-base64"})
    void treatsAnythingButAWellFormedHashAsNoMatch(String encoded) {
        assertFalse(PasswordHash.verify("lètmein".toCharArray(), encoded));
        assertFalse(PasswordHash.isHash(encoded));
    }

    @Test
    void recognisesAHash() {
        assertTrue(PasswordHash.isHash(DJANGO_HASH));
    }
}
