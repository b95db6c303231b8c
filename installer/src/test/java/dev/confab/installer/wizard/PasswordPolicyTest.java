package dev.confab.installer.wizard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    @ParameterizedTest
    @CsvSource({"Tr0ub4dor&3,true", "short1A,false", "alllowercase,false", "lowerUPPER99,true",
            "correct horse battery staple,true", "Administrator,false", "admin,false"})
    void acceptsMixedPasswordsAndLongPassphrasesOnly(String password, boolean strong) {
        assertEquals(strong, PasswordPolicy.check("admin", password.toCharArray()).isEmpty());
    }
}
