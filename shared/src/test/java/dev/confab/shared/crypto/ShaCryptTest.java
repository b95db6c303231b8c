package dev.confab.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void acceptsWhatGlibcWritesWithExplicitRounds() {
        // the second vector of the specification: rounds=10000 and a salt cut to 16 characters
        String rounds = "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZ"
                + "eHBy/YTBmSK6H9qs/y3RnOaw5v.";
        assertTrue(ShaCrypt.isSha512Crypt(rounds));
        assertTrue(ShaCrypt.verify("Hello world!".toCharArray(), rounds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$6$", "$6$$", "$6$salt$", "$6$salt$short", "$6$saltstring$", "$6$rounds=10$saltstring$",
            "$6$saltstringsaltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
            "$6$rounds=0100$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
            "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz2",
            "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1 ",
            "$6$salt string$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
            "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZF4VDwQ6:"})
    void refusesAnythingButAWellFormedHash(String value) {
        assertFalse(ShaCrypt.isSha512Crypt(value), value);
    }
}
