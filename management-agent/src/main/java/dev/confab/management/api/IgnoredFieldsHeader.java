package dev.confab.management.api;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.engine.IgnoredFields;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the fields a successful write ignored (see {@link IgnoredFields}) in the response header
 * {@value #NAME}, as {@code a, b} in the body's order, and in a debug log line: a script written for
 * the reference platform runs unchanged, while a misspelt field stays visible. The header is absent
 * when nothing was ignored. Names come from the client, so each is cut to {@value #MAX_NAME_LENGTH}
 * characters and percent-encoded unless it is plain ({@code [A-Za-z0-9_.-]}; the empty name reads
 * {@code ""}), and at most
 * {@value #MAX_NAMES} are listed, then {@code +N more}: the header can neither be split nor grow
 * past what a response header may hold. Stateless; thread-safe.
 */
final class IgnoredFieldsHeader {

    static final String NAME = "X-Confab-Ignored-Fields";
    static final int MAX_NAMES = 32;
    static final int MAX_NAME_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(IgnoredFieldsHeader.class);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]+");

    private IgnoredFieldsHeader() {
    }

    /** Sets the header on {@code ctx} (and logs) when a write of {@code spec} ignored names of {@code input}. */
    static void set(Context ctx, ResourceSpec spec, Map<String, ?> input) {
        set(ctx, spec, IgnoredFields.in(spec, input));
    }

    /** Sets the header on {@code ctx} (and logs) when a write of {@code spec} ignored the names {@code ignored}. */
    static void set(Context ctx, ResourceSpec spec, List<String> ignored) {
        if (ignored.isEmpty()) {
            return;
        }
        String value = value(ignored);
        ctx.header(NAME, value);
        LOG.debug("{} {} ignored fields that {} does not take: {}", ctx.method(), ctx.path(), spec.name(), value);
    }

    /** The header's value for these ignored names. */
    static String value(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names.subList(0, Math.min(names.size(), MAX_NAMES))) {
            shown.add(printable(name));
        }
        if (names.size() > MAX_NAMES) {
            shown.add("+" + (names.size() - MAX_NAMES) + " more");
        }
        return String.join(", ", shown);
    }

    private static String printable(String name) {
        if (name.isEmpty()) {
            return "\"\"";
        }
        String cut = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        return PLAIN.matcher(cut).matches() ? cut : URLEncoder.encode(cut, StandardCharsets.UTF_8);
    }
}
