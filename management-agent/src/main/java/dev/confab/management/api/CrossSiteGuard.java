package dev.confab.management.api;

import io.javalin.http.Context;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A before-handler of the management API, ahead of authentication: refuses (403) a request a
 * browser marks as coming from another site's page: {@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}, or an {@code Origin} whose host and port are not the ones the request was sent
 * to. A browser that once logged in to the API keeps sending its Basic credentials, so without this
 * any page could act with them. Scripts send neither header; this site's own pages send matching
 * ones. Stateless.
 */
public final class CrossSiteGuard {

    private CrossSiteGuard() {
    }

    public static void check(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            throw refusal("the browser marked it Sec-Fetch-Site: " + shown(site));
        }
        String origin = ctx.header("Origin");
        if (origin != null && (authority(origin).isEmpty() || !authority(origin).equals(ownAuthority(ctx)))) {
            throw refusal("it came from the page of " + shown(origin));
        }
    }

    /** {@code host:port} of this server as the request addressed it. */
    private static Optional<String> ownAuthority(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            return Optional.of(ctx.req().getServerName().toLowerCase(Locale.ROOT) + ":" + ctx.req().getServerPort());
        }
        return authority(ctx.scheme() + "://" + host.strip());
    }

    /** {@code host:port} of an origin or URL, with the scheme's default port; empty when it has none ("null"). */
    static Optional<String> authority(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A header's value as the message repeats it: a sender's text, so kept short. */
    private static String shown(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }

    private static ForbiddenException refusal(String why) {
        return new ForbiddenException("The management API refused this request because " + why
                + ": it takes requests from scripts and from this Management Node's own pages, not from another site."
                + " Send it from a script (curl, an SDK), which sends no Origin or Sec-Fetch-Site header.");
    }
}
