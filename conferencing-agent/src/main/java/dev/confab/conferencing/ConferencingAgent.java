package dev.confab.conferencing;

import dev.confab.conferencing.admission.CallAdmission;
import dev.confab.conferencing.channel.CallsReporter;
import dev.confab.conferencing.channel.ChannelCheck;
import dev.confab.conferencing.channel.ChannelClient;
import dev.confab.conferencing.ipsec.EnrolledNode;
import dev.confab.conferencing.ipsec.IpsecMesh;
import dev.confab.conferencing.channel.MeshListener;
import dev.confab.conferencing.channel.NodeChannelAgent;
import dev.confab.conferencing.cloud.InstanceMetadata;
import dev.confab.conferencing.cloud.InstanceType;
import dev.confab.conferencing.provisioning.FirstBoot;
import dev.confab.conferencing.provisioning.Provisioner;
import dev.confab.conferencing.provisioning.ProvisioningServer;
import dev.confab.shared.logging.LogFields;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.shared.ConfabException;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Conferencing Node agent. Unconfigured, it serves the upload page on port 8443 and, when an
 * instance metadata service is configured, applies the configuration file in the user data at
 * first boot. Configured (it holds a certificate from the Management Node's CA), port 8443 refuses
 * uploads with 409 and serves the node's state at {@code /status}; the node's side of the IPsec mesh is
 * rendered (and loaded into strongSwan when installed), the node channel sends heartbeats and
 * keeps the configuration replica, whose node list drives the mesh, and call admission serves the
 * client API and the node-to-node listener, its load reported at once; told by the Management Node that
 * it does not know the node, the node enrols again with its stored file and restarts. Create with {@link #create},
 * then {@link #start()} and {@link #stop()}; not
 * thread-safe for start/stop.
 */
public final class ConferencingAgent implements AutoCloseable {

    /** Exit code asking the supervisor to start the agent again, into configured mode. */
    public static final int RESTART_EXIT_CODE = 75;
    private static final Logger LOG = LoggerFactory.getLogger(ConferencingAgent.class);

    private final ConferencingConfig config;
    private final Restarter restarter;
    private final NodeData data;
    private Provisioner provisioner;
    private ProvisioningServer provisioning;
    private Thread firstBoot;
    private IpsecMesh ipsec;
    private Thread channelCheck;
    private NodeChannelAgent channel;
    private CallAdmission admission;
    private AgentMetrics metrics;
    private final List<MeshListener> meshListeners = new ArrayList<>();

    private ConferencingAgent(ConferencingConfig config, Restarter restarter) {
        this.config = config;
        this.restarter = restarter;
        this.data = NodeData.prepare(config.dataDir());
    }

    /** An agent that restarts as {@code config.restartCommand()} says. */
    public static ConferencingAgent create(ConferencingConfig config) {
        return new ConferencingAgent(config, Restarters.of(config.restartCommand()));
    }

    /** An agent that calls {@code restarter} once configured (tests, embedding). */
    public static ConferencingAgent create(ConferencingConfig config, Restarter restarter) {
        return new ConferencingAgent(config, restarter);
    }

    /** Adds a listener told of the replicated node list; call before {@link #start()}. */
    public ConferencingAgent addMeshListener(MeshListener listener) {
        meshListeners.add(listener);
        return this;
    }

    public ConferencingAgent start() {
        provisioner = new Provisioner(data, config.systemRoot(), config.bindAddress(), config.clock());
        Optional<String> fqdn = data.enrolledFqdn();
        fqdn.ifPresent(name -> LogFields.put(LogFields.NODE, name));
        if (fqdn.isPresent()) {
            EnrolledNode enrolled = startMesh();
            meshListeners.add(ipsec);
            channel = NodeChannelAgent.start(data, fqdn.get(), config.clock(), meshListeners, instanceType(),
                    this::reenrol);
            startAdmission(enrolled, fqdn.get());
        }
        provisioning = ProvisioningServer.start(config.bindAddress(), config.provisioningPort(), data, provisioner,
                restarter::restart, config.clock(), this::status);
        LOG.info("Conferencing Node {} on https://{}:{}/", fqdn.map(name -> "configured as " + name)
                .orElse("unconfigured, waiting for its configuration file"), config.bindAddress(), provisioning.port());
        if (fqdn.isEmpty() && !config.imdsBaseUrl().isEmpty()) {
            firstBoot = new Thread(this::applyUserData, "confab-first-boot");
            firstBoot.start();
        }
        return this;
    }

    private java.util.function.Supplier<String> instanceType() {
        if (!config.imdsBaseUrl().isEmpty()) {
            return InstanceType.lookUp(new InstanceMetadata(config.imdsBaseUrl()));
        }
        return config.instanceType().isEmpty() ? InstanceType.none() : config::instanceType;
    }

    /** Admission reports through the channel: its calls and load ride on heartbeats, and a change sends one at once. */
    private void startAdmission(EnrolledNode enrolled, String fqdn) {
        NodeChannelAgent running = channel;
        metrics = AgentMetrics.create();
        admission = CallAdmission.start(config.admission(), config.bindAddress(), fqdn, enrolled.identity(),
                enrolled.ca(), () -> running.replica().config(), running::capacity, config.clock(),
                new ChannelLink(ChannelClient.forNode(data)), running::reportSoon, metrics);
        CallAdmission started = admission;
        NodeGauges.register(metrics.registry(), running, started);
        running.attach(new CallsReporter() {
            @Override
            public Heartbeat.Load load() {
                return started.admission().load();
            }

            @Override
            public Heartbeat.Calls calls() {
                return started.admission().report();
            }

            @Override
            public Heartbeat.Endpoints endpoints() {
                return started.endpoints();
            }

            @Override
            public void answered(HeartbeatAnswer answer) {
                started.admission().answered(answer);
            }
        });
        running.reportSoon();
    }

    /** Tunnels first, so that the first call to the Management Node already travels inside one. */
    private EnrolledNode startMesh() {
        EnrolledNode enrolled = EnrolledNode.read(data);
        ipsec = IpsecMesh.of(enrolled, config.ipsec());
        ipsec.applyNow();
        NodeConfig.ManagementNode management = enrolled.config().managementNode();
        ChannelCheck check = new ChannelCheck(management.address(), management.nodePort(),
                management.caFingerprintSha256());
        channelCheck = new Thread(() -> {
            try {
                check.await(Duration.ofSeconds(60), config.clock());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "confab-channel-check");
        channelCheck.setDaemon(true);
        channelCheck.start();
        return enrolled;
    }

    /**
     * Enrols again with the stored file and restarts onto the new key and certificate, the way the
     * node starts after its first enrolment: the node channel, the IPsec mesh's credentials and the
     * channel check are all built from the enrolled identity at start.
     */
    private String reenrol() {
        Provisioner.Result result = provisioner.reenrol();
        restarter.restart();
        return result.certificateSerial();
    }

    private void applyUserData() {
        try {
            Optional<byte[]> file = new FirstBoot(new InstanceMetadata(config.imdsBaseUrl())).configurationFile();
            if (file.isPresent()) {
                LOG.info("Applying the configuration file from the instance's user data");
                Provisioner.Result result = provisioner.apply(file.get());
                LOG.info("Configured from user data as {}; restarting", result.fqdn());
                restarter.restart();
            }
        } catch (ConfabException e) {
            LOG.error("The configuration file in the user data was refused: {} The node stays unconfigured and"
                    + " takes an upload on port 8443.", e.getMessage());
        } catch (IOException e) {
            LOG.warn("No user data from {} ({}); waiting for an upload on port 8443", config.imdsBaseUrl(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bound port of the upload page. */
    public int provisioningPort() {
        return provisioning.port();
    }

    public boolean isConfigured() {
        return data.enrolledFqdn().isPresent();
    }

    public NodeData data() {
        return data;
    }

    /** The node's side of the IPsec mesh, once configured; the node-list replication drives it. */
    public Optional<IpsecMesh> ipsec() {
        return Optional.ofNullable(ipsec);
    }

    /** The node's state as its status page shows it. */
    public Map<String, Object> status() {
        NodeChannelAgent running = channel;
        if (running == null) {
            return Map.of("configured", isConfigured());
        }
        Map<String, Object> status = new java.util.LinkedHashMap<>(running.status());
        CallAdmission calls = admission;
        if (calls != null) {
            status.put("client_api_port", calls.clientApiPort());
            status.put("node_port", calls.nodePort());
            status.put("calls_signalled", calls.admission().callCount());
            status.put("media_tokens_used", calls.admission().load().mediaTokensUsed());
        }
        return status;
    }

    /** The node channel once configured, else empty. */
    public Optional<NodeChannelAgent> channel() {
        return Optional.ofNullable(channel);
    }

    /** Call admission once configured, else empty. */
    public Optional<CallAdmission> admission() {
        return Optional.ofNullable(admission);
    }

    /** Waits for the first-boot user-data check to finish, if one runs (tests). */
    public void awaitFirstBoot() throws InterruptedException {
        if (firstBoot != null) {
            firstBoot.join();
        }
    }

    public void stop() {
        if (admission != null) {
            admission.close();
            admission = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (provisioning != null) {
            provisioning.stop();
            provisioning = null;
        }
        if (channelCheck != null) {
            channelCheck.interrupt();
            channelCheck = null;
        }
        if (ipsec != null) {
            ipsec.close();
            ipsec = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
