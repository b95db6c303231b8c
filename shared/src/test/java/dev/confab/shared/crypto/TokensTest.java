package dev.confab.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void makesUrlSafeTokensWithoutPadding() {
        // When a 32-byte token is made
        String token = Tokens.random(32);
        // Then it is 43 base64url characters and differs from the next one
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertNotEquals(token, Tokens.random(32));
    }

    @Test
    void refusesAnEmptyToken() {
        assertThrows(IllegalArgumentException.class, () -> Tokens.random(0));
    }

    @Test
    void digestsWithSha256InLowercaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
    }
}
