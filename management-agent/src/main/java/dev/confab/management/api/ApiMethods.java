package dev.confab.management.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The methods an API URI answers 405 to (with {@code Allow}) rather than 404 when it does not take
 * them: a URI that exists is never reported as missing because of the method. Stateless.
 */
final class ApiMethods {

    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

    private ApiMethods() {
    }

    /** The methods other than {@code handled} (lower case), each of which a URI may refuse. */
    static List<HandlerType> refusable(String... handled) {
        Set<String> taken = Stream.of(handled).map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return METHODS.stream().filter(method -> !taken.contains(method.name())).toList();
    }

    /** Answers every method but {@code allowed} on {@code path} with 405, naming {@code where} and the allowed ones. */
    static void refuseOthers(JavalinConfig config, String path, String where, String... allowed) {
        for (HandlerType method : refusable(allowed)) {
            config.routes.addHttpHandler(method, path, ctx -> {
                throw new MethodNotAllowedException(method.name(), where, List.of(allowed));
            });
        }
    }
}
