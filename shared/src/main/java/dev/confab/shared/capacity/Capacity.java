package dev.confab.shared.capacity;

import java.util.Locale;
import java.util.Map;

/**
 * How many calls of each type a node can host alone, and its media tokens (HD calls × 16). Taken
 * from the instance type where the deployment guide sizes it (c5.2xlarge: about 17 HD, 39 SD or
 * 324 audio-only calls), else scaled from the CPU count at the same rate per vCPU. Immutable.
 */
public record Capacity(int maxFullHdCalls, int maxHdCalls, int maxSdCalls, int maxAudioCalls, int maxMediaTokens) {

    /** The guide's sizing of a c5.2xlarge (8 vCPU) transcoding node. */
    private static final Capacity C5_2XLARGE = new Capacity(8, 17, 39, 324, 17 * CallType.TOKENS_PER_HD);
    private static final int C5_2XLARGE_CPUS = 8;
    private static final Map<String, Integer> CPUS_BY_TYPE = Map.of(
            "c5.large", 2, "c5.xlarge", 4, "c5.2xlarge", 8, "c5.4xlarge", 16, "c5.9xlarge", 36,
            "c5n.2xlarge", 8, "m5.2xlarge", 8, "c6i.2xlarge", 8);

    /** The capacity of an EC2 instance type, or of {@code cpuCount} vCPUs when the type is unknown or blank. */
    public static Capacity of(String instanceType, int cpuCount) {
        String type = instanceType == null ? "" : instanceType.strip().toLowerCase(Locale.ROOT);
        if (type.equals("c5.2xlarge")) {
            return C5_2XLARGE;
        }
        return ofCpus(CPUS_BY_TYPE.getOrDefault(type, cpuCount));
    }

    /** The capacity of {@code cpuCount} vCPUs, at the c5.2xlarge's rate per vCPU. */
    public static Capacity ofCpus(int cpuCount) {
        int cpus = Math.max(1, cpuCount);
        int hd = scale(C5_2XLARGE.maxHdCalls, cpus);
        return new Capacity(scale(C5_2XLARGE.maxFullHdCalls, cpus), hd, scale(C5_2XLARGE.maxSdCalls, cpus),
                scale(C5_2XLARGE.maxAudioCalls, cpus), hd * CallType.TOKENS_PER_HD);
    }

    private static int scale(int atEightCpus, int cpus) {
        return (int) Math.round(atEightCpus * (double) cpus / C5_2XLARGE_CPUS);
    }

    /** Media tokens that {@code calls} (by type) use. */
    public static int tokensUsed(Map<CallType, Integer> calls) {
        return calls.entrySet().stream().mapToInt(entry -> entry.getKey().tokens() * entry.getValue()).sum();
    }

    /** Media tokens still free when {@code tokensUsed} are in use; never negative. */
    public int freeTokens(int tokensUsed) {
        return freeTokens(maxMediaTokens, tokensUsed);
    }

    /** Media tokens still free of {@code maxMediaTokens} when {@code tokensUsed} are in use; never negative. */
    public static int freeTokens(int maxMediaTokens, int tokensUsed) {
        return Math.max(0, maxMediaTokens - tokensUsed);
    }

    /**
     * Free HD calls, the figure bursting watches: whole HD calls in the free tokens,
     * {@code floor(free tokens / 16)}.
     */
    public static int freeHdCalls(int maxMediaTokens, int tokensUsed) {
        return freeTokens(maxMediaTokens, tokensUsed) / CallType.TOKENS_PER_HD;
    }

    /** Media load in percent for {@code tokensUsed} tokens, 0 when the node has no capacity. */
    public int mediaLoad(int tokensUsed) {
        return maxMediaTokens == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * tokensUsed / maxMediaTokens));
    }
}
