package dev.confab.conferencing.ipsec;

import dev.confab.conferencing.channel.MeshListener;
import dev.confab.shared.ipsec.IpsecCredentials;
import dev.confab.shared.ipsec.IpsecIdentity;
import dev.confab.shared.ipsec.LocationLinks;
import dev.confab.shared.ipsec.MeshSelection;
import dev.confab.shared.ipsec.SwanctlLoader;
import dev.confab.shared.ipsec.SwanctlPublisher;
import dev.confab.shared.ipsec.SwanctlSettings;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.ipsec.NodeTypes;
import dev.confab.shared.wire.MeshPeer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This Conferencing Node's side of the IPsec mesh, from its enrolled identity (key, certificate
 * and CA certificate, see {@link EnrolledNode}): tunnels to the Management Node always, and to the
 * replicated nodes that {@link MeshSelection} keeps for this node's role and location. Each change
 * is rendered into the swanctl directory and loaded into strongSwan when it is installed.
 * Thread-safe.
 */
public final class IpsecMesh implements MeshListener, AutoCloseable {

    private final MeshPeer self;
    private final MeshPeer management;
    private final SwanctlPublisher publisher;
    // guarded by this
    private List<MeshPeer> nodes = List.of();
    private Map<String, LocationLinks> locations = Map.of();

    private IpsecMesh(MeshPeer self, MeshPeer management, SwanctlPublisher publisher) {
        this.self = self;
        this.management = management;
        this.publisher = publisher;
    }

    /** The mesh of an enrolled node. */
    public static IpsecMesh of(EnrolledNode enrolled, SwanctlSettings settings) {
        NodeConfig config = enrolled.config();
        NodeConfig.Node node = config.node();
        MeshPeer self = new MeshPeer(node.name(), node.ipv4Address(), node.role(), config.location().name());
        MeshPeer management = new MeshPeer("Management Node", config.managementNode().address(),
                NodeTypes.MANAGEMENT, "");
        IpsecCredentials credentials = new IpsecCredentials(enrolled.identity(), enrolled.ca());
        return new IpsecMesh(self, management, new SwanctlPublisher(settings,
                IpsecIdentity.of(node.name(), node.ipv4Address()), credentials));
    }

    /** Renders and loads the tunnels known now on the caller's thread: at start, before the first call out. */
    public SwanctlLoader.Outcome applyNow() {
        return publisher.apply(peers());
    }

    @Override
    public void meshChanged(List<MeshPeer> peers) {
        synchronized (this) {
            nodes = List.copyOf(peers);
        }
        publisher.publish(peers());
    }

    /** The replicated locations' links, which decide a proxying edge node's peers. */
    public void locationsChanged(Collection<LocationLinks> links) {
        synchronized (this) {
            locations = links.stream().collect(Collectors.toMap(LocationLinks::name, Function.identity()));
        }
        publisher.publish(peers());
    }

    /** The peers this node keeps tunnels with now: the Management Node first. */
    public synchronized List<MeshPeer> peers() {
        List<MeshPeer> all = new ArrayList<>();
        all.add(management);
        nodes.stream().filter(peer -> !peer.address().equals(management.address())).forEach(all::add);
        return MeshSelection.peersOf(self, all, locations);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
