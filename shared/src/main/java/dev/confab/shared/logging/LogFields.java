package dev.confab.shared.logging;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Fields that describe this whole process in its log: the node's name and the configuration revision
 * it holds. The agents set them as they learn them; the launcher passes them on to the logging
 * backend, where JSON logs show them as properties of every event. Without a sink they are only
 * kept here. Thread-safe.
 */
public final class LogFields {

    /** The name of the node this process is (a Conferencing Node's name, a Management Node's hostname). */
    public static final String NODE = "node";
    /** The newest configuration revision the process holds. */
    public static final String REVISION = "revision";

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();
    private static volatile BiConsumer<String, String> sink = (key, value) -> { };

    private LogFields() {
    }

    /** Sets {@code key} to {@code value} for every later log event. */
    public static synchronized void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        VALUES.put(key, value);
        sink.accept(key, value);
    }

    /** Passes every field set so far, and every later one, to {@code newSink}. */
    public static synchronized void sink(BiConsumer<String, String> newSink) {
        sink = Objects.requireNonNull(newSink, "newSink");
        VALUES.forEach(newSink);
    }

    /** The fields set so far. */
    public static Map<String, String> current() {
        return Map.copyOf(VALUES);
    }
}
