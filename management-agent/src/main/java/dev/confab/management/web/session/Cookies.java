package dev.confab.management.web.session;

/** {@code Set-Cookie} values of the administrator interface: always Secure, HttpOnly, SameSite=Strict. */
public final class Cookies {

    public static final String SESSION = "confab_session";
    /** Holds the login form's token before there is a session (double-submit). */
    public static final String LOGIN = "confab_login";

    private Cookies() {
    }

    /** A cookie that lives until the browser closes (or the server forgets it). */
    public static String set(String name, String value) {
        return name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    /** Tells the browser to drop the cookie. */
    public static String clear(String name) {
        return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
    }
}
