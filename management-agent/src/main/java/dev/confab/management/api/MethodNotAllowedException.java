package dev.confab.management.api;

import dev.confab.management.ManagementException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resource does not accept this method at this URI (HTTP 405); the answer's {@code Allow}
 * header names the methods it does accept.
 */
public final class MethodNotAllowedException extends ManagementException {

    /** The order methods are named in, in messages and in the {@code Allow} header. */
    private static final List<String> ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowed;

    /** {@code allowed}: the methods the URI does accept, in any case. */
    public MethodNotAllowedException(String method, String where, Collection<String> allowed) {
        super(method.toUpperCase(Locale.ROOT) + " is not allowed on " + where + ": use " + join(upper(allowed)) + ".");
        this.allowed = upper(allowed);
    }

    /** The value of the {@code Allow} header, e.g. {@code GET, PATCH}. */
    public String allowHeader() {
        return join(allowed);
    }

    private static Set<String> upper(Collection<String> methods) {
        return methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static String join(Set<String> methods) {
        return ORDER.stream().filter(methods::contains).collect(Collectors.joining(", "));
    }
}
