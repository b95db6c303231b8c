package dev.confab.management.web.pages;

import dev.confab.management.web.views.Menu;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a login goes next: only a path on this site, whatever a hostile link puts in {@code next}. */
class LoginRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "\t//evil.example",
        " //evil.example",
        "/\u0000/evil.example",
        "/\u007f/evil.example",
        "/\u001f/evil.example",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "/\t\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/platform\\..\\..\\evil",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
        "/%09/evil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/%0d%0aSet-Cookie:x=1",
        "/login",
        "/login?next=//evil.example",
    })
    void sendsAHostileNextToTheHomePage(String next) {
        assertEquals(Menu.HOME, LoginPage.safeNext(next), () -> "next=" + next.replace("\t", "\\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/platform/locations/",
        "/platform/locations/3/",
        "/history/administrator-log/?user=admin&page=2",
        "/status/alarms/#top",
    })
    void followsAPathOnThisSite(String next) {
        assertEquals(next, LoginPage.safeNext(next));
    }
}
