package dev.confab.management.cloud.guide;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstanceTypeRulesTest {

    @ParameterizedTest(name = "{0} with {1} vCPUs is refused: {2}")
    @CsvSource({
            "c5.2xlarge, 8, false",
            "c5.4xlarge, 16, false",
            "c5.9xlarge, 36, true",
            "c5.12xlarge, 48, true",
            "c5n.9xlarge, 36, true",
            "c4.8xlarge, 36, true",
            "c4.4xlarge, 16, false",
            "m5.12xlarge, 48, false",
            "c6i.16xlarge, 64, false"})
    void refusesC4AndC5TypesOf36VcpusOrMore(String type, int vcpus, boolean refused) {
        assertEquals(refused, InstanceTypeRules.sizeRefusal(type, vcpus).isPresent());
    }

    @ParameterizedTest(name = "{0} has {1} vCPUs by its name")
    @CsvSource({"c5.large, 2", "c5.xlarge, 4", "c5.2xlarge, 8", "c5.9xlarge, 36", "c4.8xlarge, 36",
            "c5.metal, -1", "t3.medium, -1", "nonsense, -1"})
    void countsVcpusFromTheSizeName(String type, int vcpus) {
        assertEquals(vcpus < 0 ? OptionalInt.empty() : OptionalInt.of(vcpus), InstanceTypeRules.vcpusByName(type));
    }

    @ParameterizedTest(name = "{0} lacks ENA: {1}")
    @CsvSource({"c4.2xlarge, true", "m4.large, true", "m4.16xlarge, false", "c5.2xlarge, false", "C4.Large, true"})
    void knowsTheFamiliesWithoutEna(String type, boolean lacksEna) {
        assertEquals(lacksEna, InstanceTypeRules.lacksEnaByName(type));
    }
}
