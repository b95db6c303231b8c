package dev.confab.shared.capacity;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of call a Conferencing Node hosts, with their weight in HD (720p) calls, the unit of
 * capacity: Full HD weighs 2, HD 1, SD 1/2 and audio-only 1/16. A media token is 1/16 of an HD
 * call, so every weight is a whole number of tokens. On the wire (the client API, the node channel)
 * a call type is named in lower case: {@code full_hd}, {@code hd}, {@code sd}, {@code audio}.
 */
public enum CallType {
    FULL_HD(32), HD(16), SD(8), AUDIO(1);

    /** Media tokens in one HD call. */
    public static final int TOKENS_PER_HD = 16;

    private final int tokens;

    CallType(int tokens) {
        this.tokens = tokens;
    }

    /** Media tokens one call of this type uses. */
    public int tokens() {
        return tokens;
    }

    /** The weight of one call of this type in HD calls. */
    public double hdWeight() {
        return tokens / (double) TOKENS_PER_HD;
    }

    /** The name on the wire: {@code full_hd}, {@code hd}, {@code sd} or {@code audio}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The call type named {@code name} on the wire (exact, lower case), if there is one. */
    public static Optional<CallType> ofWireName(String name) {
        for (CallType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The wire names of every call type, as a help text lists them. */
    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(CallType::wireName).toList());
    }
}
