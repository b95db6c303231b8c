package dev.confab.localcloud.ec2;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instance state machine, driven by the times it is given and a machine that records its power. */
class InstancesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(10);

    private final List<String> power = new ArrayList<>();
    private Instances instances;
    private String overflow;

    /** Records each power-on and power-off; fails a power-on while {@code failOn} is set. */
    private final class RecordingMachine implements InstanceMachine {
        boolean failOn;

        @Override
        public void powerOn() {
            power.add("on");
            if (failOn) {
                throw new IllegalStateException("no disk");
            }
        }

        @Override
        public void powerOff() {
            power.add("off");
        }
    }

    private final RecordingMachine machine = new RecordingMachine();

    @BeforeEach
    void declare() {
        // the power thread's work runs at once, so each call's effect is seen by the next
        instances = new Instances(BOOT, STOP, "us-east-1a", Runnable::run);
        overflow = instances.declare(InstanceDeclaration.stopped("10.0.1.5").withTag("pexip-cloud", "mgmt"), machine,
                T0);
    }

    private InstanceState state(Instant at) {
        return instances.get(overflow, at).state();
    }

    @Test
    void startGoesPendingThenRunningOnceTheBootDelayHasPassed() {
        List<Instances.Transition> started = instances.start(List.of(overflow), T0);
        assertEquals(List.of(new Instances.Transition(overflow, InstanceState.STOPPED, InstanceState.PENDING)), started);
        assertEquals(List.of("on"), power);
        assertEquals(InstanceState.PENDING, state(T0.plus(BOOT).minusMillis(1)));
        assertEquals(InstanceState.RUNNING, state(T0.plus(BOOT)));
        assertEquals(T0, instances.get(overflow, T0.plus(BOOT)).launchTime());
    }

    @Test
    void stopGoesStoppingThenStoppedOnceTheStopDelayHasPassed() {
        instances.start(List.of(overflow), T0);
        Instant stopAt = T0.plus(Duration.ofMinutes(50));
        assertEquals(List.of(new Instances.Transition(overflow, InstanceState.RUNNING, InstanceState.STOPPING)),
                instances.stop(List.of(overflow), stopAt));
        assertEquals(List.of("on", "off"), power);
        assertEquals(InstanceState.STOPPING, state(stopAt.plus(STOP).minusMillis(1)));
        InstanceView stopped = instances.get(overflow, stopAt.plus(STOP));
        assertEquals(InstanceState.STOPPED, stopped.state());
        assertEquals("Client.UserInitiatedShutdown: User initiated shutdown", stopped.stateReason().orElseThrow());
    }

    @Test
    void startingARunningOrPendingInstanceChangesNothingAndPowersNothing() {
        instances.start(List.of(overflow), T0);
        assertEquals(List.of(new Instances.Transition(overflow, InstanceState.PENDING, InstanceState.PENDING)),
                instances.start(List.of(overflow), T0.plusSeconds(1)));
        assertEquals(List.of(new Instances.Transition(overflow, InstanceState.RUNNING, InstanceState.RUNNING)),
                instances.start(List.of(overflow), T0.plus(BOOT)));
        assertEquals(List.of("on"), power);
    }

    @Test
    void stoppingAStoppedInstanceChangesNothing() {
        assertEquals(List.of(new Instances.Transition(overflow, InstanceState.STOPPED, InstanceState.STOPPED)),
                instances.stop(List.of(overflow), T0));
        assertEquals(List.of(), power);
    }

    @Test
    void refusesToStartAnInstanceThatIsStillStopping() {
        instances.start(List.of(overflow), T0);
        instances.stop(List.of(overflow), T0.plus(BOOT));
        Ec2Error refused = assertThrows(Ec2Error.class, () -> instances.start(List.of(overflow), T0.plus(BOOT)));
        assertEquals("IncorrectInstanceState", refused.code());
        assertEquals(List.of("on", "off"), power);
    }

    @Test
    void startIsAllOrNothingWhenAnIdIsUnknown() {
        Ec2Error refused = assertThrows(Ec2Error.class,
                () -> instances.start(List.of(overflow, "i-0123456789abcdef0"), T0));
        assertEquals("InvalidInstanceID.NotFound", refused.code());
        assertEquals(InstanceState.STOPPED, state(T0));
        assertEquals(List.of(), power);
        assertEquals("InvalidInstanceID.Malformed", assertThrows(Ec2Error.class,
                () -> instances.stop(List.of("instance-1"), T0)).code());
    }

    @Test
    void aMachineThatFailsToPowerOnLeavesItsInstanceStoppedWithEc2sReason() {
        machine.failOn = true;
        instances.start(List.of(overflow), T0);
        InstanceView failed = instances.get(overflow, T0.plus(BOOT));
        assertEquals(InstanceState.STOPPED, failed.state());
        assertEquals("Server.InternalError: Internal error on launch", failed.stateReason().orElseThrow());
        assertTrue(failed.publicIp().isEmpty());
    }

    @Test
    void publicAddressesComeFromTheDocumentationRangeAndGoAtStop() {
        String second = instances.declare(InstanceDeclaration.stopped("10.0.1.6"), InstanceMachine.NONE, T0);
        instances.start(List.of(overflow, second), T0);
        assertEquals("198.51.100.1", instances.get(overflow, T0).publicIp().orElseThrow());
        assertEquals("198.51.100.2", instances.get(second, T0).publicIp().orElseThrow());
        instances.stop(List.of(overflow), T0.plus(BOOT));
        assertTrue(instances.get(overflow, T0.plus(BOOT).plus(STOP)).publicIp().isEmpty());
    }

    @Test
    void anElasticIpStaysAcrossStops() {
        String elastic = instances.declare(InstanceDeclaration.stopped("10.0.1.7").withElasticIp("127.0.1.7"),
                InstanceMachine.NONE, T0);
        assertEquals("127.0.1.7", instances.get(elastic, T0).publicIp().orElseThrow());
        instances.start(List.of(elastic), T0);
        instances.stop(List.of(elastic), T0.plus(BOOT));
        assertEquals("127.0.1.7", instances.get(elastic, T0.plus(BOOT).plus(STOP)).publicIp().orElseThrow());
    }

    @Test
    void refusesADeclarationThatRepeatsAnIdOrAnAddress() {
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> instances.declare(InstanceDeclaration.stopped("10.0.1.5"), InstanceMachine.NONE, T0));
        assertTrue(address.getMessage().contains("10.0.1.5"), address.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> instances.declare(InstanceDeclaration.stopped("10.0.1.8").withId(overflow), InstanceMachine.NONE,
                        T0));
        assertTrue(id.getMessage().contains(overflow), id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InstanceDeclaration.stopped("10.0.1.256"));
        assertThrows(IllegalArgumentException.class, () -> InstanceDeclaration.stopped("10.0.1.9").withId("i-XYZ"));
    }

    @Test
    void generatedIdsHaveEc2sForm() {
        assertTrue(overflow.matches("i-[0-9a-f]{17}"), overflow);
    }
}
