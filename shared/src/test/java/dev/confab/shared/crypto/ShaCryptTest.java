package dev.confab.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShaCryptTest {

    /** The first test vector of Ulrich Drepper's SHA-crypt specification, as glibc computes it. */
    private static final String SPEC_VECTOR = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJu"
            + "esI68u4OTLiBFdcbYEdFCoEOfaS35inz1";

    @Test
    void hashesToTheShadowFormatAndVerifies() {
        // When a password is hashed
        String hash = ShaCrypt.hash("ssh-Pa55".toCharArray());
        // Then it is $6$<16-char salt>$<86 chars>, it verifies, and a wrong password does not
        assertTrue(hash.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), hash);
        assertTrue(ShaCrypt.verify("ssh-Pa55".toCharArray(), hash));
        assertFalse(ShaCrypt.verify("ssh-pa55".toCharArray(), hash));
    }

    @Test
    void saltsEachHashDifferently() {
        assertNotEquals(ShaCrypt.hash("same".toCharArray()), ShaCrypt.hash("same".toCharArray()));
    }

    @Test
    void verifiesTheSpecificationsTestVector() {
        assertTrue(ShaCrypt.verify("Hello world!".toCharArray(), SPEC_VECTOR));
        assertFalse(ShaCrypt.verify("Hello world".toCharArray(), SPEC_VECTOR));
    }

    @Test
    void treatsOtherFormatsAsNoMatch() {
        String md5Crypt = "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1";

        assertFalse(ShaCrypt.isSha512Crypt(md5Crypt));
        assertFalse(ShaCrypt.verify("Hello world!".toCharArray(), md5Crypt));
        assertFalse(ShaCrypt.verify("Hello world!".toCharArray(), null));
        assertTrue(ShaCrypt.isSha512Crypt(SPEC_VECTOR));
    }
}
