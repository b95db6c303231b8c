package dev.confab.conferencing.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.confab.conferencing.cloud.InstanceMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * First boot without a person: reads the instance's user data from the EC2 instance metadata service
 * and returns the configuration file when the user data is
 * {@code {"conferencing_node_config": "<file>"}}.
 */
public final class FirstBoot {

    private static final Logger LOG = LoggerFactory.getLogger(FirstBoot.class);

    private final InstanceMetadata metadata;

    public FirstBoot(InstanceMetadata metadata) {
        this.metadata = metadata;
    }

    /** The file in the user data; empty when there is no user data or it holds no node configuration. */
    public Optional<byte[]> configurationFile() throws IOException, InterruptedException {
        Optional<String> userData = metadata.userData();
        if (userData.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(userData.get());
        } catch (IOException e) {
            LOG.info("The user data is not JSON; waiting for an upload on port 8443");
            return Optional.empty();
        }
        JsonNode file = json == null ? null : json.get("conferencing_node_config");
        if (file == null || !file.isTextual()) {
            LOG.info("The user data holds no conferencing_node_config; waiting for an upload on port 8443");
            return Optional.empty();
        }
        return Optional.of(file.asText().getBytes(StandardCharsets.UTF_8));
    }
}
