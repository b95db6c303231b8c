package dev.confab.management;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.ApiAuth;
import dev.confab.management.api.ApiErrors;
import dev.confab.management.api.AwsCheckApi;
import dev.confab.management.api.BurstingCommands;
import dev.confab.management.api.BurstingStatusApi;
import dev.confab.management.api.CloudApi;
import dev.confab.management.api.CallCommandApi;
import dev.confab.management.api.CommandApi;
import dev.confab.management.api.ConfigurationApi;
import dev.confab.management.api.CrossSiteGuard;
import dev.confab.management.api.JettyErrors;
import dev.confab.management.api.JsonOnly;
import dev.confab.management.api.MetricsApi;
import dev.confab.management.api.MetricsCertificateCommand;
import dev.confab.management.api.RequestMetrics;
import dev.confab.management.auth.ScrapeToken;
import dev.confab.management.metrics.NodeMetrics;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.management.api.NodeConfigurationFileCommand;
import dev.confab.management.auth.Credentials;
import dev.confab.management.auth.GuessDefence;
import dev.confab.management.bursting.scheduler.BurstingScheduler;
import dev.confab.management.bursting.plan.PlanRuns;
import dev.confab.management.cloud.CloudService;
import dev.confab.management.cloud.ConversionWarnings;
import dev.confab.management.cloud.DeploymentChecks;
import dev.confab.management.calls.Calls;
import dev.confab.management.calls.LoadHistory;
import dev.confab.management.calls.LoadSampler;
import dev.confab.management.health.NodeMonitor;
import dev.confab.management.http.HttpsConnector;
import dev.confab.management.http.HttpsIdentity;
import dev.confab.management.install.InstalledConfiguration;
import dev.confab.management.ipsec.ManagementIpsec;
import dev.confab.management.provisioning.NodeProvisioning;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.LicenceUsage;
import dev.confab.management.resource.catalog.ManagementNodeFacts;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.Reaction;
import dev.confab.management.store.Store;
import dev.confab.management.web.WebUi;
import dev.confab.shared.logging.LogFields;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.pki.TlsMaterial;
import io.javalin.Javalin;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Management Node: store, management API and administrator interface over HTTPS. Create with
 * {@link #create}, then {@link #start()} and {@link #stop()}. Not thread-safe for start/stop;
 * the running services are.
 */
public final class ManagementAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementAgent.class);
    /** How long a configuration poll waits for a change before answering "unchanged" with the checksum. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(25);
    /** Each location's load is sampled this often for the Cloud Bursting chart... */
    private static final Duration LOAD_SAMPLE_INTERVAL = Duration.ofSeconds(15);
    /** ...and kept this long: 1,440 samples per location at most. */
    private static final Duration LOAD_HISTORY_KEPT = Duration.ofHours(6);

    private final ManagementConfig config;
    private final DataDirectory data;
    private final LicenceUsage licenceUsage = new LicenceUsage();
    private Store store;
    private ConfigurationService configuration;
    private Credentials credentials;
    private GuessDefence guesses;
    private HttpsIdentity selfSigned;
    private volatile HttpsIdentity identity;
    private SslContextFactory.Server httpsTls;
    private NodeProvisioning nodes;
    private ManagementIpsec ipsec;
    private NodeMonitor monitor;
    private Calls calls;
    private final LoadHistory loadHistory = new LoadHistory(LOAD_SAMPLE_INTERVAL, LOAD_HISTORY_KEPT);
    private LoadSampler loadSampler;
    private ReplicationHub replication;
    private CloudService cloud;
    private BurstingScheduler bursting;
    private PlanRuns plans;
    private AgentMetrics metrics;
    private NodeMetrics nodeMetrics;
    private Javalin http;

    private ManagementAgent(ManagementConfig config) {
        this.config = config;
        this.data = DataDirectory.prepare(config.dataDir());
    }

    public static ManagementAgent create(ManagementConfig config) {
        return new ManagementAgent(config);
    }

    public ManagementAgent start() {
        SecretBox secrets = SecretBox.openOrCreate(data.secretKey());
        metrics = AgentMetrics.create();
        store = Store.open(data.database());
        store.bindTo(metrics.registry());
        configuration = new ConfigurationService(store, new Catalog(config.clock(), config.acceptsLoopbackNodes(),
                licenceUsage, ManagementNodeFacts.ofThisProcess(config.clock().instant())), secrets, config.clock());
        credentials = new Credentials(store, config.clock());
        config.initialAdmin().ifPresent(admin -> {
            if (!credentials.hasAccount()) {
                credentials.setPassword(admin.username(), admin.password().get());
                LOG.info("Created the web administration account {}", admin.username());
            } else {
                LOG.info("The web administration account exists already: the initial password from {} was not"
                        + " needed and was not read", admin.source());
            }
        });
        InstalledConfiguration.applyIfNew(config.dataDir(), configuration, credentials);
        guesses = GuessDefence.start(credentials, store, config.clock());
        selfSigned = HttpsIdentity.selfSigned(data.pki(), secrets, "confab-management",
                List.of("localhost", "127.0.0.1", config.bindAddress()), config.clock());
        replication = ReplicationHub.start(configuration, secrets, POLL_TIMEOUT);
        ReplicationHub hub = replication;
        // heartbeats are answered from memory: the revision the hub has built, not a read of the store
        monitor = NodeMonitor.start(configuration, config.clock(), config.heartbeat(), flushPeriod(config.heartbeat()),
                () -> hub.current().revision());
        // calls call nodes with a certificate from the CA that node provisioning opens just below
        calls = Calls.start(configuration, config.clock(), config.heartbeat(), () -> nodes.authority(),
                monitor::report);
        monitor.onLost(calls::nodeLost);
        loadSampler = LoadSampler.start(loadHistory, calls::locationLoads, config.clock());
        nodeMetrics = new NodeMetrics(metrics.registry(), config.clock(), config.heartbeat(), monitor::reports,
                () -> hub.current().revision(),
                () -> hub.current().resources().getOrDefault(ResourceNames.WORKER_VM, Map.of()).size());
        monitor.observe(nodeMetrics);
        hub.bindTo(metrics.registry());
        Calls admitting = calls;
        licenceUsage.countFrom(use -> switch (use) {
            case PORT -> admitting.licensing().portCount();
            case AUDIO -> admitting.licensing().audioCount();
            case SYSTEM -> 0;
        });
        nodes = NodeProvisioning.start(data, secrets, store, configuration, config.bindAddress(), config.nodePort(),
                config.clock(), monitor, replication, guesses.enrolmentRefusals(), calls);
        nodes.channel().bindTo(metrics.registry());
        ipsec = ManagementIpsec.start(config.ipsec(), data.ipsec(), secrets, nodes.authority(), configuration,
                nodes.address(), config.clock());
        identity = HttpsIdentity.current(store, secrets, selfSigned);
        cloud = CloudService.create(configuration, secrets, config.clock());
        bursting = BurstingScheduler.start(configuration, cloud, monitor::report, calls.flow(), config.clock(),
                config.heartbeat().multipliedBy(NodeMonitor.MISSED_INTERVALS), config.bursting());
        monitor.onLoadChange(bursting::loadChanged);
        plans = new PlanRuns(config.clock());
        cloud.bindTo(metrics.registry());
        reactions(secrets).forEach(configuration::onChange);
        nameInLog();
        // enrolment is no configuration change, but gives the mesh a node, and nodes' replicas say who is enrolled
        nodes.onEnrolled(node -> ipsec.refresh());
        nodes.onEnrolled(replication::enrolmentChanged);
        http = Javalin.create(javalin -> configure(javalin, secrets)).start();
        LOG.info("Management Node serving https://{}:{}/ (data in {})", config.bindAddress(), httpsPort(),
                config.dataDir());
        return this;
    }

    private void configure(io.javalin.config.JavalinConfig javalin, SecretBox secrets) {
        char[] keyPassword = randomPassword();
        KeyStore keyStore = TlsMaterial.keyStore(identity.chain(), identity.key(), keyPassword);
        HttpsConnector connector = new HttpsConnector(config.bindAddress(), config.httpsPort(), keyStore, keyPassword,
                null);
        httpsTls = connector.sslContextFactory();
        javalin.jetty.addConnector(connector.factory(httpsTls));
        javalin.startup.showJavalinBanner = false;
        JettyErrors.install(javalin);
        new RequestMetrics(metrics.registry()).register(javalin);
        ObjectMapper json = new ObjectMapper();
        ApiAuth auth = new ApiAuth(guesses.logins());
        new MetricsApi(metrics, auth, new ScrapeToken(configuration, secrets)).register(javalin);
        javalin.routes.before("/api/*", CrossSiteGuard::check);
        javalin.routes.before("/api/*", auth::authenticate);
        javalin.routes.before("/api/*", JsonOnly::check);
        DeploymentChecks checks = new DeploymentChecks(cloud, configuration, config.clock());
        ConversionWarnings warnings = new ConversionWarnings(configuration, bursting::pairedNodes);
        WebUi web = new WebUi(configuration, nodes.files(), checks, guesses.logins(), config.clock(),
                config.webIdle(), () -> identity.selfSigned(), calls, warnings, loadHistory, bursting, plans);
        ApiErrors.register(javalin, web::errorPage);
        web.register(javalin);
        new CloudApi(cloud).register(javalin);
        new BurstingStatusApi(warnings, loadHistory, config.clock()).register(javalin);
        new AwsCheckApi(checks, json).register(javalin);
        new ConfigurationApi(configuration, json, nodes.files()).register(javalin);
        // one CommandApi: it serves the index of every command at command/v1/
        new CommandApi(credentials, json).add(BurstingCommands.startCloudNode(bursting, json))
                .add(MetricsCertificateCommand.of(nodes.authority(), json)).register(javalin);
        new NodeConfigurationFileCommand(nodes.files(), json).register(javalin);
        new CallCommandApi(calls, json).register(javalin);
    }

    /**
     * Every reaction to a committed configuration change, in the order they run (on the writing
     * thread, after the commit): what each depends on and what it does.
     */
    private List<Reaction> reactions(SecretBox secrets) {
        return List.of(
                // first, so that a revision's commit is timed before anything else runs after it
                new Reaction("replication latency", change -> true, change -> nodeMetrics.committed(change.revision())),
                // nodes are pushed every revision within one read of the store
                Reaction.toEvery("replication", replication::changed),
                Reaction.toDeletionOf("health", ResourceNames.WORKER_VM, monitor::forget),
                Reaction.toDeletionOf("calls of a deleted node", ResourceNames.WORKER_VM, calls::forget),
                // placement, licences and status read nodes, locations, conferences and licences from memory
                Reaction.to("calls", Set.of(ResourceNames.WORKER_VM, ResourceNames.SYSTEM_LOCATION,
                        ResourceNames.CONFERENCE, ResourceNames.LICENCE), calls::configurationChanged),
                Reaction.toDeletionOf("revocation", ResourceNames.WORKER_VM, nodes::nodeDeleted),
                // where each node's requests may come from: its address and static NAT address
                Reaction.toObjectsOf("node channel", ResourceNames.WORKER_VM, nodes::nodeChanged),
                // the mesh: enrolled nodes (their addresses, types, locations) and the locations' links
                new Reaction("ipsec", change -> change.touches(ResourceNames.WORKER_VM, ResourceNames.SYSTEM_LOCATION),
                        ipsec::changed),
                // the certificate assigned to the Management Node, or that certificate itself
                Reaction.to("https identity", Set.of(ResourceNames.MANAGEMENT_VM, ResourceNames.TLS_CERTIFICATE),
                        () -> refreshCertificate(secrets)),
                Reaction.to("log fields", Set.of(ResourceNames.MANAGEMENT_VM), this::nameInLog));
    }

    /** The Management Node's host name, in the node field of every later log event, once it has one. */
    private void nameInLog() {
        configuration.snapshot(List.of(ResourceNames.MANAGEMENT_VM)).objects()
                .getOrDefault(ResourceNames.MANAGEMENT_VM, List.of()).stream()
                .map(vm -> vm.get("hostname")).filter(name -> name != null && !name.toString().isBlank())
                .findFirst().ifPresent(name -> LogFields.put(LogFields.NODE, name.toString()));
    }

    /** Status is written at least every second, and twice per heartbeat interval when that is shorter. */
    private static Duration flushPeriod(Duration heartbeat) {
        Duration half = heartbeat.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
    }

    /** Presents the Management Node's assigned certificate as soon as it changes. */
    private synchronized void refreshCertificate(SecretBox secrets) {
        HttpsIdentity next = HttpsIdentity.current(store, secrets, selfSigned);
        if (next.chain().equals(identity.chain())) {
            return;
        }
        try {
            char[] keyPassword = randomPassword();
            HttpsConnector.reload(httpsTls, TlsMaterial.keyStore(next.chain(), next.key(), keyPassword), keyPassword);
            identity = next;
            LOG.info("The administrator interface now presents {}", next.chain().get(0).getSubjectX500Principal());
        } catch (Exception e) {
            LOG.error("Could not switch the HTTPS certificate; the previous one stays in use", e);
        }
    }

    /** Whether the administrator interface still presents its self-signed certificate. */
    public boolean selfSignedCertificate() {
        return identity.selfSigned();
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    /** The bound HTTPS port of the administrator interface and API. */
    public int httpsPort() {
        return http.port();
    }

    public ConfigurationService configuration() {
        return configuration;
    }

    public Credentials credentials() {
        return credentials;
    }

    public Store store() {
        return store;
    }

    /** Node provisioning: the CA, configuration files, the node channel. */
    public NodeProvisioning nodes() {
        return nodes;
    }

    /** The Management Node's side of the IPsec mesh. */
    public ManagementIpsec ipsec() {
        return ipsec;
    }

    /** Node health: heartbeats, status, alarms. */
    public NodeMonitor monitor() {
        return monitor;
    }

    /** The licences calls hold now, as {@code status/licensing} counts them: what admits calls feeds it. */
    public LicenceUsage licenceUsage() {
        return licenceUsage;
    }

    /** Calls: licences, the load answered to nodes, status and history of conferences and participants. */
    public Calls calls() {
        return calls;
    }

    /** Each location's load over the last hours, sampled for the Cloud Bursting chart. */
    public LoadHistory loadHistory() {
        return loadHistory;
    }

    /** Takes a sample of every location's load into {@link #loadHistory()} now, besides the scheduled ones. */
    public void sampleLoad() {
        loadSampler.sample();
    }

    /** The configuration nodes replicate. */
    public ReplicationHub replication() {
        return replication;
    }

    /** EC2: describing, starting and stopping overflow instances, and the IAM policy that allows it. */
    public CloudService cloud() {
        return cloud;
    }

    /** Bursting: the policy run on every load change and tick, its actions, status and history. */
    public BurstingScheduler bursting() {
        return bursting;
    }

    /** The meters served at {@code /metrics}. */
    public AgentMetrics metrics() {
        return metrics;
    }

    /** The bound port of the node channel. */
    public int nodePort() {
        return nodes.nodePort();
    }

    public void stop() {
        if (http != null) {
            http.stop();
            http = null;
        }
        if (nodes != null) {
            nodes.stop();
            nodes = null;
        }
        if (ipsec != null) {
            ipsec.close();
            ipsec = null;
        }
        if (replication != null) {
            replication.close();
            replication = null;
        }
        if (plans != null) {
            plans.close();
            plans = null;
        }
        if (bursting != null) {
            bursting.close();
            bursting = null;
        }
        if (cloud != null) {
            cloud.close();
            cloud = null;
        }
        if (loadSampler != null) {
            loadSampler.close();
            loadSampler = null;
        }
        if (calls != null) {
            calls.close();
            calls = null;
        }
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
        if (guesses != null) {
            guesses.close();
            guesses = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
