package dev.confab.localcloud.ec2;

import dev.confab.shared.net.Ipv4Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The endpoint's instances and their state machine. Start moves a stopped instance to pending and
 * powers its machine on; it is running once the boot delay has passed and the machine is on. Stop
 * moves a pending or running instance to stopping and powers the machine off; it is stopped once
 * the stop delay has passed and the machine is off. A machine that fails to power on leaves its
 * instance stopped, with the reason EC2 gives. Every method takes the time it acts at, so tests
 * drive it without a clock. Thread-safe.
 */
public final class Instances {

    /** The documentation range (RFC 5737, TEST-NET-2) public addresses come from. */
    public static final String PUBLIC_RANGE = "198.51.100.0/24";
    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);

    /** A change of state that a call made (or did not: previous equals current). */
    public record Transition(String instanceId, InstanceState previous, InstanceState current) {
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Duration bootDelay;
    private final Duration stopDelay;
    private final String availabilityZone;
    private final Executor power;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param power runs machines' power-on and power-off, in the order asked, away from the caller
     */
    public Instances(Duration bootDelay, Duration stopDelay, String availabilityZone, Executor power) {
        this.bootDelay = bootDelay;
        this.stopDelay = stopDelay;
        this.availabilityZone = availabilityZone;
        this.power = power;
    }

    /** Adds an instance in its declared state, at {@code now}; returns its id. */
    public synchronized String declare(InstanceDeclaration declaration, InstanceMachine machine, Instant now) {
        String id = declaration.instanceId() != null ? declaration.instanceId() : newId();
        if (instances.containsKey(id)) {
            throw new IllegalArgumentException("An instance " + id + " is declared already.");
        }
        for (Instance other : instances.values()) {
            if (other.privateIp.equals(declaration.privateIp())) {
                throw new IllegalArgumentException("The instance " + other.id + " has the private address "
                        + other.privateIp + " already.");
            }
        }
        Instance instance = new Instance(id, declaration, machine, now);
        if (declaration.state() == InstanceState.RUNNING) {
            instance.publicIp = declaration.elasticIp().orElseGet(this::allocatePublicIp);
        }
        instances.put(id, instance);
        return id;
    }

    private String newId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String id = "i-" + HexFormat.of().formatHex(bytes).substring(0, 17);
        return instances.containsKey(id) ? newId() : id;
    }

    /** Every instance as it is at {@code now}, in the order declared. */
    public synchronized List<InstanceView> all(Instant now) {
        advance(now);
        return instances.values().stream().map(Instance::view).toList();
    }

    /** The instance {@code id} at {@code now}. */
    public synchronized InstanceView get(String id, Instant now) {
        return find(List.of(id), now).get(0);
    }

    /**
     * The instances named, at {@code now}.
     *
     * @throws Ec2Error InvalidInstanceID.Malformed or InvalidInstanceID.NotFound
     */
    public synchronized List<InstanceView> find(List<String> ids, Instant now) {
        advance(now);
        return known(ids).stream().map(Instance::view).toList();
    }

    /** StartInstances: all of them or none (an unknown id, or one stopping, refuses the call). */
    public synchronized List<Transition> start(List<String> ids, Instant now) {
        advance(now);
        List<Instance> named = known(ids);
        for (Instance instance : named) {
            if (instance.state == InstanceState.STOPPING) {
                throw new Ec2Error("IncorrectInstanceState", 400, "The instance '" + instance.id
                        + "' is not in a state from which it can be started.");
            }
        }
        List<Transition> transitions = new ArrayList<>();
        for (Instance instance : named) {
            InstanceState previous = instance.state;
            if (previous == InstanceState.STOPPED) {
                instance.state = InstanceState.PENDING;
                instance.launchTime = now;
                instance.due = now.plus(bootDelay);
                instance.stateReason = null;
                instance.publicIp = instance.elasticIp.orElseGet(this::allocatePublicIp);
                instance.powerOn(power);
                LOG.info("EC2 endpoint: {} pending (starts its machine; running in {} at the earliest)", instance.id,
                        bootDelay);
            }
            transitions.add(new Transition(instance.id, previous, instance.state));
        }
        return transitions;
    }

    /** StopInstances: all of them or none (an unknown id refuses the call). */
    public synchronized List<Transition> stop(List<String> ids, Instant now) {
        advance(now);
        List<Instance> named = known(ids);
        List<Transition> transitions = new ArrayList<>();
        for (Instance instance : named) {
            InstanceState previous = instance.state;
            if (previous == InstanceState.PENDING || previous == InstanceState.RUNNING) {
                instance.state = InstanceState.STOPPING;
                instance.due = now.plus(stopDelay);
                instance.powerOff(power);
                LOG.info("EC2 endpoint: {} stopping (stops its machine)", instance.id);
            }
            transitions.add(new Transition(instance.id, previous, instance.state));
        }
        return transitions;
    }

    private List<Instance> known(List<String> ids) {
        List<Instance> named = new ArrayList<>();
        for (String id : ids) {
            if (!InstanceDeclaration.isInstanceId(id)) {
                throw new Ec2Error("InvalidInstanceID.Malformed", 400, "Invalid id: \"" + id + "\"");
            }
            Instance instance = instances.get(id);
            if (instance == null) {
                throw new Ec2Error("InvalidInstanceID.NotFound", 400, "The instance ID '" + id + "' does not exist");
            }
            named.add(instance);
        }
        return named;
    }

    /** Completes the transitions whose time has come and whose machine has done its part. */
    private void advance(Instant now) {
        for (Instance instance : instances.values()) {
            instance.advance(now);
        }
    }

    private String allocatePublicIp() {
        List<String> taken = instances.values().stream()
                .flatMap(instance -> java.util.stream.Stream.of(Optional.ofNullable(instance.publicIp),
                        instance.elasticIp))
                .flatMap(Optional::stream).toList();
        for (int host = 1; host < 255; host++) {
            String address = "198.51.100." + host;
            if (!taken.contains(address)) {
                return address;
            }
        }
        throw new Ec2Error("InsufficientAddressCapacity", 500, "No public address is left in " + PUBLIC_RANGE + ".");
    }

    /** One instance's state; guarded by the registry's lock. */
    private final class Instance {
        final String id;
        final String privateIp;
        final Optional<String> elasticIp;
        final String instanceType;
        final Map<String, String> tags;
        final InstanceMachine machine;
        InstanceState state;
        Instant launchTime;
        Instant due;
        String publicIp;
        String stateReason;
        CompletableFuture<Void> powering = CompletableFuture.completedFuture(null);

        Instance(String id, InstanceDeclaration declaration, InstanceMachine machine, Instant now) {
            this.id = id;
            this.privateIp = Ipv4Address.parse(declaration.privateIp()).toString();
            this.elasticIp = declaration.elasticIp();
            this.instanceType = declaration.instanceType();
            this.tags = declaration.tags();
            this.machine = machine;
            this.state = declaration.state();
            this.launchTime = now;
            this.due = now;
            this.stateReason = state == InstanceState.STOPPED ? USER_SHUTDOWN : null;
        }

        void powerOn(Executor executor) {
            powering = powering.handle((done, failure) -> null).thenRunAsync(() -> run("on", machine::powerOn), executor);
        }

        void powerOff(Executor executor) {
            powering = powering.handle((done, failure) -> null).thenRunAsync(() -> run("off", machine::powerOff),
                    executor);
        }

        private void run(String what, PowerAction action) {
            try {
                action.run();
            } catch (Exception e) {
                LOG.warn("EC2 endpoint: the machine of {} did not power {}: {}", id, what, e.toString());
                throw new java.util.concurrent.CompletionException(e);
            }
        }

        void advance(Instant now) {
            if ((state != InstanceState.PENDING && state != InstanceState.STOPPING) || !powering.isDone()) {
                return;
            }
            if (state == InstanceState.PENDING && powering.isCompletedExceptionally()) {
                stopped(LAUNCH_FAILED);
                return;
            }
            if (!now.isBefore(due)) {
                if (state == InstanceState.PENDING) {
                    state = InstanceState.RUNNING;
                    LOG.info("EC2 endpoint: {} running", id);
                } else {
                    stopped(USER_SHUTDOWN);
                }
            }
        }

        private void stopped(String reason) {
            state = InstanceState.STOPPED;
            stateReason = reason;
            publicIp = null;
            LOG.info("EC2 endpoint: {} stopped ({})", id, reason);
        }

        InstanceView view() {
            Optional<String> shownPublic = Optional.ofNullable(publicIp).or(() -> elasticIp);
            return new InstanceView(id, privateIp, shownPublic, instanceType, tags, state, launchTime,
                    Optional.ofNullable(stateReason), availabilityZone);
        }
    }

    @FunctionalInterface
    private interface PowerAction {
        void run() throws Exception;
    }

    private static final String USER_SHUTDOWN = "Client.UserInitiatedShutdown: User initiated shutdown";
    private static final String LAUNCH_FAILED = "Server.InternalError: Internal error on launch";
}
