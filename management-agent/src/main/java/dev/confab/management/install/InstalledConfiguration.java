package dev.confab.management.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.auth.Credentials;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.crypto.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes over what the installer wrote to {@code <data>/management.json} (the keys of
 * {@code management_node_config}): the web administration account from its PBKDF2 hash, and the
 * Management Node's host name, domain, address, mask, gateway, DNS and NTP servers, written
 * through the configuration service as the installer. Each version of the file is applied once;
 * {@code management.json.applied} records the SHA-256 of the one applied last.
 */
public final class InstalledConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledConfiguration.class);
    private static final Actor INSTALLER = Actor.system("installer");

    private InstalledConfiguration() {
    }

    /** Applies the file when it is present and not applied yet; returns whether it did. */
    public static boolean applyIfNew(Path dataDir, ConfigurationService configuration, Credentials credentials) {
        Path file = dataDir.resolve("management.json");
        Path applied = dataDir.resolve("management.json.applied");
        try {
            if (!Files.exists(file)) {
                return false;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String digest = Tokens.sha256Hex(text);
            if (Files.exists(applied) && Files.readString(applied, StandardCharsets.UTF_8).strip().equals(digest)) {
                return false;
            }
            JsonNode answers = new ObjectMapper().readTree(text);
            credentials.setPasswordHash(answers.path("user").asText(), answers.path("pass").asText());
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("hostname", answers.path("hostname").asText());
            node.put("domain", answers.path("domain").asText());
            node.put("address", answers.path("ip").asText());
            node.put("netmask", answers.path("mask").asText());
            node.put("gateway", answers.path("gw").asText());
            node.put("dns_servers", servers(configuration, ResourceNames.DNS_SERVER, answers.path("dns")));
            node.put("ntp_servers", servers(configuration, ResourceNames.NTP_SERVER, answers.path("ntp")));
            configuration.update(configuration.catalog().configuration(ResourceNames.MANAGEMENT_VM), 1, node, true, INSTALLER);
            Files.writeString(applied, digest + "\n", StandardCharsets.UTF_8);
            LOG.info("Applied the installation in {}: web administration account {}, node {}.{}", file,
                    answers.path("user").asText(), node.get("hostname"), node.get("domain"));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the installation in " + file + ": " + e.getMessage(), e);
        }
    }

    /** URIs of the servers with these addresses, creating those that do not exist yet. */
    private static List<String> servers(ConfigurationService configuration, String resource, JsonNode addresses) {
        ResourceSpec spec = configuration.catalog().configuration(resource);
        List<String> uris = new ArrayList<>();
        for (JsonNode address : addresses) {
            ListQuery byAddress = new ListQuery(List.of(new ListQuery.Filter("address", ListQuery.Operator.EXACT,
                    address.asText())), "id", false, 1, 0);
            List<Map<String, Object>> found = configuration.list(spec, byAddress).objects();
            Map<String, Object> server = found.isEmpty()
                    ? configuration.create(spec, Map.of("address", address.asText(), "description", "Set by the installer"),
                    INSTALLER)
                    : found.get(0);
            uris.add((String) server.get("resource_uri"));
        }
        return uris;
    }
}
