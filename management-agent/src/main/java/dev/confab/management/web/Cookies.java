package dev.confab.management.web;

/** {@code Set-Cookie} values of the administrator interface: always Secure, HttpOnly, SameSite=Strict. */
final class Cookies {

    static final String SESSION = "confab_session";
    /** Holds the login form's token before there is a session (double-submit). */
    static final String LOGIN = "confab_login";

    private Cookies() {
    }

    /** A cookie that lives until the browser closes (or the server forgets it). */
    static String set(String name, String value) {
        return name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    /** Tells the browser to drop the cookie. */
    static String clear(String name) {
        return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
    }
}
