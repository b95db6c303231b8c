package dev.confab.management;

import dev.confab.management.bursting.scheduler.BurstingConfig;
import dev.confab.shared.ipsec.SwanctlSettings;
import dev.confab.shared.net.Ipv4Address;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settings of a Management Node process.
 *
 * @param dataDir      directory of the store, keys and certificates (created with mode 0700)
 * @param bindAddress  address the HTTPS listeners bind to
 * @param httpsPort    port of the administrator interface and management API (443 on an appliance, 0 = any)
 * @param nodePort     port of the node channel, mutual TLS (9443 on an appliance, 0 = any)
 * @param initialAdmin web administration account to create when the store has none; its password is read only then
 * @param clock        time source, injected so tests control expiry and lifetimes
 * @param webIdle      how long an administrator interface session lasts without a request
 * @param ipsec        where the IPsec configuration is rendered and how it is loaded into strongSwan
 * @param heartbeat    how often nodes send heartbeats (10 s; a node silent for 3 intervals raises an alarm)
 * @param loopbackNodes whether node addresses on 127.0.0.0/8 are accepted; when not given, exactly when
 *                     {@code bindAddress} is a loopback address (see {@link #acceptsLoopbackNodes()})
 * @param bursting     how often the bursting policy runs, and a minimum lifetime that replaces the settings'
 */
public record ManagementConfig(Path dataDir, String bindAddress, int httpsPort, int nodePort,
                               Optional<InitialAdmin> initialAdmin, Clock clock, Duration webIdle,
                               SwanctlSettings ipsec, Duration heartbeat, Optional<Boolean> loopbackNodes,
                               BurstingConfig bursting) {

    /** Default idle timeout of an administrator interface session. */
    public static final Duration DEFAULT_WEB_IDLE = Duration.ofMinutes(30);

    /** Default heartbeat interval of the nodes. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);

    /**
     * The account created at first start. The password is asked for only when the store has no
     * account yet, and hashed before it is stored.
     *
     * @param source where the password comes from, for the log (e.g. the file's path)
     */
    public record InitialAdmin(String username, Supplier<char[]> password, String source) {
    }

    public static ManagementConfig defaults(Path dataDir) {
        return new ManagementConfig(dataDir, "0.0.0.0", 443, 9443, Optional.empty(), Clock.systemUTC(),
                DEFAULT_WEB_IDLE, SwanctlSettings.under(dataDir), DEFAULT_HEARTBEAT, Optional.empty(),
                BurstingConfig.defaults());
    }

    public ManagementConfig withBind(String address, int https, int node) {
        return new ManagementConfig(dataDir, address, https, node, initialAdmin, clock, webIdle, ipsec, heartbeat,
                loopbackNodes, bursting);
    }

    public ManagementConfig withInitialAdmin(String username, char[] password) {
        return withInitialAdmin(username, password::clone, "the settings");
    }

    /** The account to create at first start, with a password {@code password} reads only then. */
    public ManagementConfig withInitialAdmin(String username, Supplier<char[]> password, String source) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort,
                Optional.of(new InitialAdmin(username, password, source)), clock, webIdle, ipsec, heartbeat,
                loopbackNodes, bursting);
    }

    public ManagementConfig withClock(Clock value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, value, webIdle, ipsec,
                heartbeat, loopbackNodes, bursting);
    }

    public ManagementConfig withWebIdle(Duration value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, clock, value, ipsec,
                heartbeat, loopbackNodes, bursting);
    }

    public ManagementConfig withIpsec(SwanctlSettings value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, clock, webIdle, value,
                heartbeat, loopbackNodes, bursting);
    }

    public ManagementConfig withHeartbeat(Duration value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, clock, webIdle, ipsec,
                value, loopbackNodes, bursting);
    }

    /** Accepts ({@code true}) or refuses ({@code false}) node addresses on 127.0.0.0/8, whatever the bind address. */
    public ManagementConfig withLoopbackNodes(boolean value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, clock, webIdle, ipsec,
                heartbeat, Optional.of(value), bursting);
    }

    public ManagementConfig withBursting(BurstingConfig value) {
        return new ManagementConfig(dataDir, bindAddress, httpsPort, nodePort, initialAdmin, clock, webIdle, ipsec,
                heartbeat, loopbackNodes, value);
    }

    /**
     * Whether {@code worker_vm} and {@code management_vm} addresses and gateways may be loopback
     * addresses. Unless set, only a Management Node that listens on a loopback address accepts them:
     * its nodes can reach it only from the same host, so they are on loopback too ({@code confab demo},
     * tests). Any other Management Node refuses them, since such an address never reaches a node.
     */
    public boolean acceptsLoopbackNodes() {
        return loopbackNodes.orElseGet(() -> Ipv4Address.tryParse(bindAddress).map(Ipv4Address::isLoopback)
                .orElse(false));
    }
}
