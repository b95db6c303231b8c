package dev.confab.conferencing.admission;

import java.time.Duration;

/**
 * Settings of a node's call admission.
 *
 * @param clientApiPort port of the client API (443 on an appliance; 0 = any, for tests; negative = none;
 *                      the command line's {@code --client-api-port 0} means none)
 * @param nodePort      port of the node-to-node listener (9443 on an appliance; 0 = any, for tests)
 * @param tokenLifetime how long a client API token is valid unless refreshed (120 s)
 */
public record AdmissionConfig(int clientApiPort, int nodePort, Duration tokenLifetime) {

    public static final int DEFAULT_CLIENT_API_PORT = 443;
    public static final int DEFAULT_NODE_PORT = 9443;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(120);

    public AdmissionConfig {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive, not " + tokenLifetime);
        }
    }

    public static AdmissionConfig defaults() {
        return new AdmissionConfig(DEFAULT_CLIENT_API_PORT, DEFAULT_NODE_PORT, DEFAULT_TOKEN_LIFETIME);
    }

    /** Whether the node serves the client API. */
    public boolean servesClientApi() {
        return clientApiPort >= 0;
    }
}
