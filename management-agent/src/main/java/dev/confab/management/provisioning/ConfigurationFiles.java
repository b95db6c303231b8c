package dev.confab.management.provisioning;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.StoreTransaction;
import dev.confab.management.resource.engine.TypedReads;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.management.store.NodeToken;
import dev.confab.management.store.Times;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigWriter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Makes a node's configuration file: its settings, where to enrol, the CA fingerprint to pin, the
 * SSH password hash and a fresh single-use enrolment token, of which only the SHA-256 is stored.
 * Making a file supersedes the node's earlier unused tokens. Thread-safe.
 */
public final class ConfigurationFiles {

    /** How long a file's token may be used: the guide's 24 hours. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);
    /** 32 random bytes: 256 bits, well above the 128 the token needs. */
    private static final int TOKEN_BYTES = 32;

    /** A file ready to download. */
    public record File(String name, byte[] content) {
    }

    private final ConfigurationService configuration;
    private final ManagementEndpoint endpoint;
    private final Duration tokenLifetime;
    private final Clock clock;

    public ConfigurationFiles(ConfigurationService configuration, ManagementEndpoint endpoint, Duration tokenLifetime,
                              Clock clock) {
        this.configuration = configuration;
        this.endpoint = endpoint;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /**
     * Whether a create asks for the node's file, as the reference platform's API does: a
     * {@code worker_vm} with {@code deployment_type: MANUAL-PROVISION-ONLY} and an SSH password.
     */
    public static boolean requested(ResourceSpec spec, Map<String, Object> input) {
        return spec.name().equals(ResourceNames.WORKER_VM)
                && WorkerVm.GENERIC_DEPLOYMENT.equals(input.get("deployment_type"))
                && input.get("password") instanceof String password && !password.isBlank();
    }

    /** A new file for node {@code nodeId}; {@code actor} is recorded in the administrator log. */
    public File create(long nodeId, Actor actor) {
        return configuration.write(transaction -> create(transaction, nodeId, actor));
    }

    /**
     * As {@link #create(long, Actor)}, inside {@code transaction}: the token and the log line commit
     * with whatever else it writes (such as the node itself), or not at all.
     */
    public File create(StoreTransaction transaction, long nodeId, Actor actor) {
        String token = Tokens.random(TOKEN_BYTES);
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = created.plus(tokenLifetime);
        TypedReads reads = transaction.reads();
        WorkerVm node = reads.workerVm(nodeId).orElseThrow(() -> new NotFoundException(
                "There is no Conferencing Node with id " + nodeId + "."));
        String passwordHash = node.passwordHash().orElseThrow(() -> new ValidationException(
                "The node has no SSH password.", Map.of("password",
                "Set an SSH password for the node's admin user before downloading its configuration file.")));
        NodeConfig.Node settings = NodeConfigAssembler.node(node, reads);
        NodeProvisioningDao dao = transaction.dao(NodeProvisioningDao.class);
        long revision = dao.creationRevision(nodeId).orElse(0L);
        dao.issueToken(new NodeToken(0, nodeId, revision, settings.name(), Tokens.sha256Hex(token),
                Times.format(created), Times.format(expires), NodeToken.ISSUED, null));
        AdminLog.of(AdminLog.Action.CONFIGURATION_FILE, clock.instant()).by(actor)
                .about(ResourceNames.WORKER_VM, nodeId, settings.name())
                .details("configuration file made; its enrolment token expires at " + expires
                        + " and earlier unused tokens no longer work")
                .appendTo(transaction.dao(AdminLogDao.class));
        NodeConfig config = new NodeConfig(settings, NodeConfigAssembler.location(node, reads), endpoint.forFile(),
                passwordHash, new NodeConfig.Enrolment(token, created, expires));
        return new File(config.fileName(), NodeConfigWriter.write(config));
    }
}
