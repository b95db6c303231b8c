package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class KeyPairsTest {

    @Test
    void makesP256Keys() {
        KeyPair keys = KeyPairs.ecP256();

        ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
        assertEquals(256, publicKey.getParams().getOrder().bitLength());
        assertTrue(KeyMatch.matches(keys.getPublic(), keys.getPrivate()));
    }

    @Test
    void makesRsaKeysOfTheAskedSize() {
        assertEquals(2048, ((RSAPublicKey) KeyPairs.rsa(2048).getPublic()).getModulus().bitLength());
    }

    @Test
    void refusesWeakRsaKeys() {
        PkiException refused = assertThrows(PkiException.class, () -> KeyPairs.rsa(1024));

        assertTrue(refused.getMessage().contains("at least 2048 bits"), refused.getMessage());
    }
}
