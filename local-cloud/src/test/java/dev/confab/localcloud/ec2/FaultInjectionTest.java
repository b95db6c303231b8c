package dev.confab.localcloud.ec2;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which calls an injected fault fails, and with what EC2 answers. */
class FaultInjectionTest {

    private final FaultInjection faults = new FaultInjection(new Random(7));

    private Optional<String> code(String action) {
        return faults.next(action).map(Ec2Error::code);
    }

    @Test
    void failsTheNextCallsOfOneActionOnly() {
        faults.failNext("StartInstances", Ec2Fault.THROTTLING, 2);
        assertEquals(Optional.empty(), code("DescribeInstances"));
        assertEquals(Optional.of("RequestLimitExceeded"), code("StartInstances"));
        assertEquals(Optional.of("RequestLimitExceeded"), code("StartInstances"));
        assertEquals(Optional.empty(), code("StartInstances"));
    }

    @Test
    void anyActionRuleAppliesToEveryAction() {
        faults.failNext(FaultInjection.EVERY_ACTION, Ec2Fault.UNAVAILABLE, 1);
        assertEquals(Optional.of("Unavailable"), code("StopInstances"));
        assertEquals(Optional.empty(), code("DescribeInstances"));
    }

    @Test
    void eachFaultIsAnsweredWithEc2sCodeAndStatus() {
        assertEquals(503, Ec2Fault.THROTTLING.error().status());
        assertEquals(500, Ec2Fault.INTERNAL_ERROR.error().status());
        assertEquals("AuthFailure", Ec2Fault.AUTH_FAILURE.error().code());
        assertEquals(401, Ec2Fault.AUTH_FAILURE.error().status());
        assertEquals("UnauthorizedOperation", Ec2Fault.UNAUTHORIZED_OPERATION.error().code());
        assertEquals(403, Ec2Fault.UNAUTHORIZED_OPERATION.error().status());
        assertEquals("InsufficientInstanceCapacity", Ec2Fault.INSUFFICIENT_INSTANCE_CAPACITY.error().code());
    }

    @Test
    void aRateFailsSomeCallsUntilCleared() {
        faults.failAtRate("DescribeInstances", Ec2Fault.INTERNAL_ERROR, 0.5);
        long failed = IntStream.range(0, 200).filter(i -> code("DescribeInstances").isPresent()).count();
        assertTrue(failed > 50 && failed < 150, failed + " of 200 failed");
        faults.clear();
        assertEquals(Optional.empty(), code("DescribeInstances"));
    }

    @Test
    void refusesCountsAndRatesThatMeanNothing() {
        assertThrows(IllegalArgumentException.class, () -> faults.failNext("StartInstances", Ec2Fault.THROTTLING, 0));
        assertThrows(IllegalArgumentException.class, () -> faults.failAtRate("StartInstances", Ec2Fault.THROTTLING, 0));
        assertThrows(IllegalArgumentException.class, () -> faults.failAtRate("StartInstances", Ec2Fault.THROTTLING, 1.5));
    }
}
