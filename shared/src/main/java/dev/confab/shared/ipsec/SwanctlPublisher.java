package dev.confab.shared.ipsec;

import dev.confab.shared.wire.MeshPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Keeps one node's swanctl directory and its charon in step with its peers: renders
 * {@code swanctl.conf}, writes it with the credentials and loads it ({@link SwanctlLoader}),
 * logging the outcome. {@link #publish} returns at once and a single background thread applies the
 * newest peer list (older ones it has not reached are skipped); an unchanged file is neither
 * written nor loaded again, unless the last load failed. Thread-safe.
 */
public final class SwanctlPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwanctlPublisher.class);
    private static final long CLOSE_SECONDS = 10;

    private final SwanctlSettings settings;
    private final IpsecIdentity self;
    private final IpsecCredentials credentials;
    private final SwanctlLoader loader;
    private final AtomicReference<List<MeshPeer>> pending = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-ipsec");
        thread.setDaemon(true);
        return thread;
    });
    // written under this: the file last written and loaded (or skipped for want of strongSwan); null
    // until one is, and after a rendering failed to be written or loaded
    private volatile String lastApplied;
    // guarded by this: the peers of the last successful load, whose SAs go when they leave the mesh
    private Set<String> loadedPeers = Set.of();

    public SwanctlPublisher(SwanctlSettings settings, IpsecIdentity self, IpsecCredentials credentials) {
        this.settings = settings;
        this.self = self;
        this.credentials = credentials;
        this.loader = new SwanctlLoader(settings);
    }

    /** Applies {@code peers} in the background; a newer call supersedes one not yet applied. */
    public void publish(List<MeshPeer> peers) {
        if (pending.getAndSet(List.copyOf(peers)) == null) {
            try {
                worker.execute(() -> {
                    List<MeshPeer> newest = pending.getAndSet(null);
                    if (newest != null) {
                        applyLogged(newest);
                    }
                });
            } catch (RejectedExecutionException closed) {
                LOG.debug("IPsec: closed; {} peer(s) not applied", peers.size());
            }
        }
    }

    /**
     * Whether the last rendering was written and loaded (or skipped for want of strongSwan, or found
     * unchanged): false before the first, and after one failed, until one succeeds.
     */
    public boolean applied() {
        return lastApplied != null;
    }

    /** Renders, writes and loads {@code peers} now, on the caller's thread. */
    public synchronized SwanctlLoader.Outcome apply(List<MeshPeer> peers) {
        String conf = SwanctlConf.render(self, peers, settings.startAction());
        if (conf.equals(lastApplied)) {
            return new SwanctlLoader.Outcome(SwanctlLoader.Status.SKIPPED, "unchanged");
        }
        // a write or load that throws leaves no file counted as applied: the next call tries again
        lastApplied = null;
        SwanctlLayout.write(settings.directory(), self, credentials, conf);
        SwanctlLoader.Outcome outcome = loader.load();
        lastApplied = outcome.status() == SwanctlLoader.Status.FAILED ? null : conf;
        if (outcome.status() == SwanctlLoader.Status.LOADED) {
            Set<String> addresses = peers.stream().map(MeshPeer::address).collect(Collectors.toSet());
            loadedPeers.stream().filter(address -> !addresses.contains(address)).forEach(this::closeTunnel);
            loadedPeers = addresses;
        }
        switch (outcome.status()) {
            case LOADED -> LOG.info("IPsec: loaded {} tunnel(s) of {} into strongSwan from {}", peers.size(),
                    self.address(), settings.directory());
            case SKIPPED -> LOG.info("IPsec: rendered {} tunnel(s) of {} in {}; not loaded: {}", peers.size(),
                    self.address(), settings.directory(), outcome.output());
            case FAILED -> LOG.warn("IPsec: swanctl --load-all failed for {}; the previous tunnels stay in"
                    + " place. Check that charon runs and listens on {}. Output: {}", settings.directory(),
                    settings.uri().isEmpty() ? "its default vici socket" : settings.uri(), outcome.output());
        }
        return outcome;
    }

    private void closeTunnel(String address) {
        SwanctlLoader.Outcome closed = loader.terminate(SwanctlConf.connectionName(address));
        if (closed.status() == SwanctlLoader.Status.FAILED) {
            LOG.warn("IPsec: could not close the tunnel to {}, no longer a peer: {}", address, closed.output());
        } else {
            LOG.info("IPsec: closed the tunnel to {}, no longer a peer", address);
        }
    }

    private void applyLogged(List<MeshPeer> peers) {
        try {
            apply(peers);
        } catch (RuntimeException e) {
            LOG.error("IPsec: the configuration could not be applied: {}", e.getMessage(), e);
        }
    }

    /** Lets a load in progress finish (up to 10 s), drops what is still pending, and stops the thread. */
    @Override
    public void close() {
        pending.set(null);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
