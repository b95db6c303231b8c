package dev.confab.management.cloud.guide;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment guide's rules for the EC2 instance of a Conferencing Node: no c4 or c5 instance
 * type of 36 vCPUs or more, Elastic Network Adapter (ENA) enhanced networking, dedicated tenancy,
 * EBS-optimized. The check reads vCPUs and ENA from EC2 ({@code DescribeInstanceTypes}); a template,
 * made without AWS, takes them from the type's name ({@link #vcpusByName}, {@link #lacksEnaByName}).
 */
public final class InstanceTypeRules {

    /** c4 and c5 types of this many vCPUs or more are not used for Conferencing Nodes. */
    public static final int C4_C5_VCPU_LIMIT = 36;
    /** The tenancy the guide asks for a Conferencing Node's instance. */
    public static final String TENANCY = "dedicated";
    /** The instance type the guide sizes a transcoding node by (about 17 HD calls). */
    public static final String RECOMMENDED_TYPE = "c5.2xlarge";

    private static final Pattern C4_C5 = Pattern.compile("c4|c5[a-z]*");
    private static final Pattern SIZE = Pattern.compile("(\\d*)xlarge");
    /** Sizes whose vCPUs the naming does not tell: c4.8xlarge has 36, not 32. */
    private static final Map<String, Integer> IRREGULAR_SIZES = Map.of("c4.8xlarge", 36);
    /** Families whose instance types have no ENA (m4: all but m4.16xlarge). */
    private static final Set<String> WITHOUT_ENA = Set.of("c1", "c3", "c4", "cc2", "cr1", "d2", "g2", "hi1", "hs1",
            "i2", "m1", "m2", "m3", "m4", "t1", "t2");

    private InstanceTypeRules() {
    }

    /** Whether {@code type} is of the c4 or a c5 family (c5, c5a, c5d, c5n …). */
    public static boolean isC4OrC5(String type) {
        return C4_C5.matcher(family(type)).matches();
    }

    /**
     * Why the guide does not use {@code type} of {@code vcpus} for a Conferencing Node, or empty when it
     * does: c4 and c5 types of {@value #C4_C5_VCPU_LIMIT} vCPUs or more are not used.
     */
    public static Optional<String> sizeRefusal(String type, int vcpus) {
        if (isC4OrC5(type) && vcpus >= C4_C5_VCPU_LIMIT) {
            return Optional.of(type + " has " + vcpus + " vCPUs: the deployment guide does not use c4 or c5 instance"
                    + " types of " + C4_C5_VCPU_LIMIT + " vCPUs or more for Conferencing Nodes; use "
                    + RECOMMENDED_TYPE + " or another c5 type of fewer vCPUs.");
        }
        return Optional.empty();
    }

    /**
     * The vCPUs EC2's naming gives a type's size: {@code large} 2, {@code xlarge} 4, {@code Nxlarge} 4×N;
     * empty for other sizes ({@code metal}, {@code medium} …) and names that are not {@code family.size}.
     * c4.8xlarge, of 36 vCPUs, is the one exception it knows.
     */
    public static OptionalInt vcpusByName(String type) {
        Integer irregular = IRREGULAR_SIZES.get(normalise(type));
        if (irregular != null) {
            return OptionalInt.of(irregular);
        }
        String size = size(type);
        if (size.equals("large")) {
            return OptionalInt.of(2);
        }
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(matcher.group(1).isEmpty() ? 4 : 4 * Integer.parseInt(matcher.group(1)));
    }

    /** Whether {@code type} belongs to a family known to have no ENA (a c4 must move to a c5 for it). */
    public static boolean lacksEnaByName(String type) {
        return WITHOUT_ENA.contains(family(type)) && !normalise(type).equals("m4.16xlarge");
    }

    /** Whether {@code type} reads as an EC2 instance type name: {@code family.size}, such as c5.2xlarge. */
    public static boolean isWellFormed(String type) {
        return normalise(type).matches("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    }

    private static String family(String type) {
        String name = normalise(type);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String size(String type) {
        String name = normalise(type);
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String normalise(String type) {
        return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    }
}
