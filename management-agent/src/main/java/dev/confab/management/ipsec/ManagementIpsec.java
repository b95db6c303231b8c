package dev.confab.management.ipsec;

import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.engine.ConfigurationChange;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.InList;
import dev.confab.management.store.MeshDao;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.ipsec.IpsecCredentials;
import dev.confab.shared.ipsec.IpsecIdentity;
import dev.confab.shared.ipsec.LocationLinks;
import dev.confab.shared.ipsec.MeshSelection;
import dev.confab.shared.ipsec.NodeTypes;
import dev.confab.shared.ipsec.SwanctlPublisher;
import dev.confab.shared.ipsec.SwanctlSettings;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.wire.MeshPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Management Node's side of the IPsec mesh: a tunnel to every Conferencing Node that holds a
 * valid certificate (a node still to enrol has none, and its enrolment must reach the node channel
 * before any tunnel can exist), rendered into the swanctl directory and loaded into strongSwan when
 * it is installed. {@link #changed} after every committed change of a node or a location,
 * {@link #refresh()} after every enrolment. An update of a node that leaves what the mesh reads of
 * it (name, address, type, location, enrolment) as it was, such as a new description, costs the
 * read of that node's row, not of every node's and a new rendering: with thousands of nodes the
 * mesh is otherwise read and rendered again up to once a second while nodes are edited. After a
 * rendering that failed to load, or a read that failed, any change reads the whole mesh. Thread-safe.
 */
public final class ManagementIpsec implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementIpsec.class);

    /** The Management Node's name in the rendered file and in peer lists. */
    public static final String NAME = "Management Node";

    private final ConfigurationService configuration;
    private final MeshPeer self;
    private final SwanctlPublisher publisher;
    /** Shortest time between the starts of two reads of the mesh. */
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(1);
    private final AtomicBoolean readQueued = new AtomicBoolean();
    /** Whether something changed since the last read that only a read of the whole mesh can tell. */
    private final AtomicBoolean wholeMeshChanged = new AtomicBoolean(true);
    /** Nodes updated since the last read. */
    private final Set<Long> updatedNodes = ConcurrentHashMap.newKeySet();
    /** What the last read of the whole mesh found, by node id; replaced whole. */
    private volatile Map<Long, MeshDao.MeshNode> lastRead = Map.of();
    /** Touched only by the reader thread. */
    private long lastRefresh = System.nanoTime() - MIN_REFRESH_GAP.toNanos();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-ipsec-peers");
        thread.setDaemon(true);
        return thread;
    });

    private ManagementIpsec(ConfigurationService configuration, MeshPeer self, SwanctlPublisher publisher) {
        this.configuration = configuration;
        this.self = self;
        this.publisher = publisher;
    }

    /**
     * Issues (or reuses) the Management Node's IPsec certificate for {@code address}, its node-channel
     * address, keeping it in {@code keyDirectory} and its key in the swanctl directory
     * ({@link IpsecCertificateStore}), and renders the current mesh once.
     */
    public static ManagementIpsec start(SwanctlSettings settings, Path keyDirectory, SecretBox secrets,
                                        CertificateAuthority authority, ConfigurationService configuration,
                                        String address, Clock clock) {
        IpsecIdentity identity = IpsecIdentity.of(NAME, address);
        IssuedCertificate certificate = IpsecCertificateStore.loadOrIssue(keyDirectory, settings.directory(), identity,
                secrets, authority, address, clock);
        SwanctlPublisher publisher = new SwanctlPublisher(settings, identity,
                new IpsecCredentials(certificate, authority.certificate()));
        ManagementIpsec ipsec = new ManagementIpsec(configuration, new MeshPeer(NAME, address, NodeTypes.MANAGEMENT, ""),
                publisher);
        publisher.publish(ipsec.peers());
        return ipsec;
    }

    /**
     * Reads the node list, then renders and loads its tunnels, in the background: the caller (a
     * write, an enrolment) does not wait, and a burst of calls shares one read. Reads start at least
     * {@link #MIN_REFRESH_GAP} apart, so that a fleet enrolling at once renders its growing mesh a
     * few times, not once per node.
     */
    public void refresh() {
        wholeMeshChanged.set(true);
        readSoon();
    }

    /**
     * After a committed change of a node or a location: as {@link #refresh()}, except that the
     * update of a node is first compared with the last read of it, and changes nothing when what
     * the mesh reads of the node is as it was.
     */
    public void changed(ConfigurationChange change) {
        if (change.resource().equals(ResourceNames.WORKER_VM)
                && change.action().equals(AdminLog.Action.UPDATED.value())) {
            updatedNodes.add(change.objectId());
        } else {
            wholeMeshChanged.set(true);
        }
        readSoon();
    }

    private void readSoon() {
        if (!readQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.execute(() -> {
                long wait = lastRefresh + MIN_REFRESH_GAP.toNanos() - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return; // closed
                    }
                }
                lastRefresh = System.nanoTime();
                readQueued.set(false);
                // what changed from here on queues another read
                boolean whole = wholeMeshChanged.getAndSet(false);
                Set<Long> updated = Set.copyOf(updatedNodes);
                updatedNodes.removeAll(updated);
                try {
                    // a rendering that failed to load is tried again at the next change, whatever it is
                    if (whole || !publisher.applied() || !asLastRead(updated)) {
                        publisher.publish(peers());
                    }
                } catch (RuntimeException e) {
                    // the mesh as it is was not read: the next change reads all of it
                    wholeMeshChanged.set(true);
                    LOG.error("Could not read the nodes of the IPsec mesh; tunnels follow at the next change", e);
                }
            });
        } catch (RejectedExecutionException e) {
            readQueued.set(false); // closed
        }
    }

    /** The peers the Management Node keeps tunnels with now. */
    public List<MeshPeer> peers() {
        return configuration.read(transaction -> {
            List<SystemLocation> locations = transaction.reads().systemLocations();
            Map<Long, String> names = locations.stream()
                    .collect(Collectors.toMap(SystemLocation::id, SystemLocation::name));
            Map<String, LocationLinks> links = locations.stream().map(location -> links(location, names))
                    .collect(Collectors.toMap(LocationLinks::name, Function.identity()));
            List<MeshDao.MeshNode> read = transaction.dao(MeshDao.class).meshNodes();
            lastRead = read.stream().collect(Collectors.toUnmodifiableMap(MeshDao.MeshNode::id, Function.identity()));
            List<MeshPeer> nodes = read.stream()
                    .filter(MeshDao.MeshNode::enrolled)
                    .map(node -> new MeshPeer(node.name(), node.address(), node.nodeType(),
                            names.get(node.systemLocation())))
                    .toList();
            return MeshSelection.peersOf(self, nodes, links);
        });
    }

    /** Whether the mesh reads of each of {@code nodes} what the last read of the whole mesh found. */
    private boolean asLastRead(Set<Long> nodes) {
        if (nodes.isEmpty()) {
            return true;
        }
        Map<Long, MeshDao.MeshNode> known = lastRead;
        List<MeshDao.MeshNode> now = configuration.read(transaction -> InList.parts(List.copyOf(nodes)).stream()
                .flatMap(part -> transaction.dao(MeshDao.class).meshNodesAmong(part).stream()).toList());
        return now.size() == nodes.size() && now.stream().allMatch(node -> node.equals(known.get(node.id())));
    }

    /** A location's links to the locations that carry its media, by name. */
    private static LocationLinks links(SystemLocation location, Map<Long, String> names) {
        return new LocationLinks(location.name(), location.transcodingLocation().map(names::get).orElse(null),
                location.overflowLocation1().map(names::get).orElse(null),
                location.overflowLocation2().map(names::get).orElse(null));
    }

    @Override
    public void close() {
        reader.shutdownNow();
        publisher.close();
    }
}
