package dev.confab.localcloud.ec2;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An EC2-compatible endpoint for one machine: the EC2 Query API (version 2016-11-15) over plain
 * HTTP, as the AWS SDK speaks it with an endpoint override. It checks every request's Signature
 * Version 4 against its access keys, serves DescribeInstances, StartInstances, StopInstances and
 * DescribeInstanceStatus over the {@link Instances} declared to it, whose machines it powers on and
 * off, and DescribeSecurityGroups, DescribeSubnets and DescribeInstanceTypes over its {@link #network()}, answers the failures {@link #faults()} asks for, and records every call ({@link #calls()}).
 * It serves the demo and the tests; it is not a general AWS emulator. Create with {@link #create},
 * then {@link #start()} and {@link #stop()}. Thread-safe once started.
 */
public final class Ec2Endpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ec2Endpoint.class);

    private final Ec2EndpointConfig config;
    private final Map<String, AccessKey> keys = new LinkedHashMap<>();
    private final SigV4Verifier verifier;
    private final ExecutorService power = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-ec2-power");
        thread.setDaemon(true);
        return thread;
    });
    private final Instances instances;
    private final Ec2Network network = new Ec2Network();
    private final Ec2Actions actions;
    private final FaultInjection faults = new FaultInjection(new Random());
    private final List<Ec2Call> calls = Collections.synchronizedList(new ArrayList<>());
    private Javalin http;

    private Ec2Endpoint(Ec2EndpointConfig config) {
        this.config = config;
        config.keys().forEach(key -> keys.put(key.id(), key));
        this.verifier = new SigV4Verifier(id -> Optional.ofNullable(keys.get(id)).map(AccessKey::secret),
                config.region(), "ec2");
        this.instances = new Instances(config.bootDelay(), config.stopDelay(), config.region() + "a", power);
        this.actions = new Ec2Actions(instances, network, config.clock());
    }

    public static Ec2Endpoint create(Ec2EndpointConfig config) {
        return new Ec2Endpoint(config);
    }

    public Ec2Endpoint start() {
        http = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.routes.post("/", this::handle);
            javalin.routes.get("/", this::handle);
        }).start(config.bindAddress(), config.port());
        LOG.info("EC2-compatible endpoint serving {} for region {}", uri(), config.region());
        return this;
    }

    /** The bound port. */
    public int port() {
        return http.port();
    }

    /** What an SDK client takes as its endpoint override: {@code http://ADDRESS:PORT/}. */
    public URI uri() {
        return URI.create("http://" + config.bindAddress() + ":" + port() + "/");
    }

    public String region() {
        return config.region();
    }

    /** Adds an instance (see {@link InstanceDeclaration}); returns its id. */
    public String declare(InstanceDeclaration declaration, InstanceMachine machine) {
        return instances.declare(declaration, machine, config.clock().instant());
    }

    /** Every instance as it is now. */
    public List<InstanceView> instances() {
        return instances.all(config.clock().instant());
    }

    /** One instance as it is now. */
    public InstanceView instance(String id) {
        return instances.get(id, config.clock().instant());
    }

    /** The security groups, subnets, instance types and instance placements it answers with. */
    public Ec2Network network() {
        return network;
    }

    /** The failures to answer with. */
    public FaultInjection faults() {
        return faults;
    }

    /** Every call so far, in the order they arrived. */
    public List<Ec2Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one action so far. */
    public List<Ec2Call> calls(String action) {
        return calls().stream().filter(call -> call.action().equals(action)).toList();
    }

    private void handle(Context ctx) {
        String requestId = UUID.randomUUID().toString();
        byte[] body = ctx.bodyAsBytes();
        QueryParameters parameters = QueryParameters.parse(ctx.req().getQueryString(),
                new String(body, StandardCharsets.UTF_8));
        String action = parameters.one("Action").orElse("");
        Optional<String> key = Optional.empty();
        try {
            key = Optional.of(verifier.verify(signedRequest(ctx, body), config.clock().instant()));
            action = Ec2Actions.action(parameters);
            if (!keys.get(key.get()).allows(action)) {
                throw Ec2Fault.UNAUTHORIZED_OPERATION.error();
            }
            Optional<Ec2Error> fault = faults.next(action);
            if (fault.isPresent()) {
                throw fault.get();
            }
            String xml = actions.run(action, parameters, requestId);
            record(action, key, parameters, 200, Optional.empty());
            ctx.contentType("text/xml;charset=UTF-8").result(xml);
        } catch (Ec2Error error) {
            record(action, key, parameters, error.status(), Optional.of(error.code()));
            LOG.debug("EC2 endpoint: {} answered {} ({})", action, error.code(), error.getMessage());
            ctx.status(error.status()).contentType("text/xml;charset=UTF-8").result(Ec2Xml.error(requestId, error));
        } catch (RuntimeException e) {
            LOG.warn("EC2 endpoint: {} failed", action, e);
            Ec2Error error = Ec2Fault.INTERNAL_ERROR.error();
            record(action, key, parameters, error.status(), Optional.of(error.code()));
            ctx.status(error.status()).contentType("text/xml;charset=UTF-8").result(Ec2Xml.error(requestId, error));
        }
    }

    private void record(String action, Optional<String> key, QueryParameters parameters, int status,
                        Optional<String> errorCode) {
        calls.add(new Ec2Call(config.clock().instant(), action, key, parameters.asMap(), status, errorCode));
    }

    private static SignedRequest signedRequest(Context ctx, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return new SignedRequest(ctx.method().name(), ctx.req().getRequestURI(), ctx.req().getQueryString(), headers,
                body);
    }

    public void stop() {
        if (http != null) {
            http.stop();
            http = null;
        }
        power.shutdown();
        try {
            if (!power.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("EC2 endpoint: machines still powering on or off after 30 s; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
