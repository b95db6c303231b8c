package dev.confab.management.web.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTest {

    @Test
    void acceptsOnlyTheExactToken() {
        String token = Sessions.randomToken();
        assertTrue(Csrf.accepts(token, token));
        assertFalse(Csrf.accepts(token, token.substring(1)));
        assertFalse(Csrf.accepts(token, token + "x"));
        assertFalse(Csrf.accepts(token, token.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void refusesAMissingOrEmptyToken() {
        assertFalse(Csrf.accepts("abc", null));
        assertFalse(Csrf.accepts("abc", ""));
        assertFalse(Csrf.accepts(null, null));
        assertFalse(Csrf.accepts("", ""), "a session without a token accepts nothing");
    }

    @Test
    void cookiesAreSecureHttpOnlyAndStrict() {
        String set = Cookies.set(Cookies.SESSION, "v");
        String clear = Cookies.clear(Cookies.SESSION);
        for (String header : new String[] {set, clear}) {
            assertTrue(header.contains("; Secure") && header.contains("; HttpOnly")
                    && header.contains("; SameSite=Strict"), header);
        }
        assertTrue(clear.contains("Max-Age=0"));
    }
}
