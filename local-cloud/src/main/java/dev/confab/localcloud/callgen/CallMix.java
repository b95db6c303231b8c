package dev.confab.localcloud.callgen;

import dev.confab.shared.capacity.CallType;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The share of each call type among generated calls, written {@code hd=70,sd=20,audio=10}: each
 * type with a whole-number weight, relative to the others (they need not add up to 100). Types are
 * named as the client API names them: {@code full_hd}, {@code hd}, {@code sd}, {@code audio}. Immutable.
 */
final class CallMix {

    private final Map<CallType, Integer> weights;
    private final int total;

    private CallMix(Map<CallType, Integer> weights) {
        this.weights = weights;
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The mix {@code text} describes, or an {@link IllegalArgumentException} naming what is wrong. */
    static CallMix parse(String text) {
        Map<CallType, Integer> weights = new EnumMap<>(CallType.class);
        for (String part : text.split(",", -1)) {
            String[] pair = part.strip().split("=", -1);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw invalid(text, "'" + part.strip() + "' is not TYPE=WEIGHT.");
            }
            CallType type = type(text, pair[0].strip());
            int weight;
            try {
                weight = Integer.parseInt(pair[1].strip());
            } catch (NumberFormatException e) {
                throw invalid(text, "the weight of " + pair[0].strip() + " is not a whole number.");
            }
            if (weight < 0 || weight > 1_000_000) {
                throw invalid(text, "the weight of " + pair[0].strip() + " must be from 0 to 1000000.");
            }
            if (weights.put(type, weight) != null) {
                throw invalid(text, pair[0].strip() + " is given twice.");
            }
        }
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            throw invalid(text, "at least one weight must be more than 0.");
        }
        weights.values().removeIf(weight -> weight == 0);
        return new CallMix(weights);
    }

    /** A call type drawn with {@code random}, each with the probability of its weight. */
    CallType pick(RandomGenerator random) {
        int draw = random.nextInt(total);
        for (Map.Entry<CallType, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights do not add up to " + total);
    }

    /** The share of {@code type} among calls, from 0 to 1. */
    double share(CallType type) {
        return weights.getOrDefault(type, 0) / (double) total;
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().map(entry -> entry.getKey().wireName() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    private static CallType type(String text, String name) {
        return CallType.ofWireName(name).orElseThrow(() -> invalid(text, "'" + name + "' is not a call type; the types"
                + " are " + CallType.wireNames() + "."));
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("Invalid call mix '" + text + "': " + problem
                + " Write TYPE=WEIGHT pairs joined by commas, e.g. hd=70,sd=20,audio=10.");
    }
}
