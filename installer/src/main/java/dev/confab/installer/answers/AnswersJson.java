package dev.confab.installer.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code management_node_config} JSON form of {@link Answers}: the keys of the reference
 * platform's unattended installation, also the form of the Management Node's configuration file.
 * Lists ({@code dns}, {@code ntp}) may be JSON arrays or one string of comma-separated servers.
 * Stateless and thread-safe.
 */
public final class AnswersJson {

    /** The key that holds the answers in an instance's user data. */
    public static final String USER_DATA_KEY = "management_node_config";
    private static final List<String> REQUIRED =
            List.of("hostname", "domain", "ip", "mask", "gw", "dns", "ntp", "user", "pass");
    private static final Set<String> OPTIONAL =
            Set.of("admin_password", "error_reports", "enable_analytics", "contact_email_address");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswersJson() {
    }

    /**
     * Reads answers from {@code text}: a {@code {"management_node_config": {...}}} document or the
     * bare object. Throws {@link InvalidAnswersException} listing every missing, unknown or mistyped key.
     */
    public static Answers parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("json", "The answers are not valid JSON: " + e.getOriginalMessage() + ".");
        }
        JsonNode config = root != null && root.has(USER_DATA_KEY) ? root.get(USER_DATA_KEY) : root;
        if (config == null || !config.isObject()) {
            throw invalid(USER_DATA_KEY, "Expected a JSON object with the keys " + String.join(", ", REQUIRED) + ".");
        }
        return fromObject(config);
    }

    /** Whether {@code text} is JSON holding a {@value #USER_DATA_KEY} key (user data may be anything else). */
    public static boolean holdsManagementConfig(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            return root != null && root.isObject() && root.has(USER_DATA_KEY);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Answers fromObject(JsonNode config) {
        List<AnswerError> errors = new ArrayList<>();
        for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name) && !name.equals("format")) {
                errors.add(new AnswerError(name, "Unknown key; the keys are " + String.join(", ", REQUIRED) + " and "
                        + String.join(", ", OPTIONAL.stream().sorted().toList()) + "."));
            }
        }
        for (String name : REQUIRED) {
            if (!config.hasNonNull(name)) {
                errors.add(new AnswerError(name, "Missing; this key is required."));
            }
        }
        Answers answers = new Answers(text(config, "hostname", errors), text(config, "domain", errors),
                text(config, "ip", errors), text(config, "mask", errors), text(config, "gw", errors),
                list(config, "dns", errors), list(config, "ntp", errors), text(config, "user", errors),
                text(config, "pass", errors), text(config, "admin_password", errors),
                bool(config, "error_reports", errors), bool(config, "enable_analytics", errors),
                text(config, "contact_email_address", errors));
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return answers;
    }

    /** The answers as a {@code management_node_config} object, lists as arrays. */
    public static ObjectNode toObject(Answers answers) {
        ObjectNode node = JSON.createObjectNode();
        node.put("hostname", answers.hostname()).put("domain", answers.domain()).put("ip", answers.ip())
                .put("mask", answers.mask()).put("gw", answers.gw());
        answers.dns().forEach(node.putArray("dns")::add);
        answers.ntp().forEach(node.putArray("ntp")::add);
        node.put("user", answers.user()).put("pass", answers.pass()).put("admin_password", answers.adminPassword())
                .put("error_reports", answers.errorReports()).put("enable_analytics", answers.enableAnalytics())
                .put("contact_email_address", answers.contactEmailAddress());
        return node;
    }

    public static String write(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode config, String name, List<AnswerError> errors) {
        JsonNode value = config.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new AnswerError(name, "Expected a string, not " + value + "."));
            return null;
        }
        return value.asText().strip();
    }

    private static List<String> list(JsonNode config, String name, List<AnswerError> errors) {
        JsonNode value = config.get(name);
        List<String> items = new ArrayList<>();
        if (value != null && value.isTextual()) {
            items.addAll(ServerList.parse(value.asText()));
        } else if (value != null && value.isArray()) {
            value.forEach(item -> items.add(item.isTextual() ? item.asText().strip() : item.toString()));
        } else if (value != null && !value.isNull()) {
            errors.add(new AnswerError(name, "Expected a list of servers (an array, or a comma-separated string)."));
        }
        return items;
    }

    private static boolean bool(JsonNode config, String name, List<AnswerError> errors) {
        JsonNode value = config.get(name);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            errors.add(new AnswerError(name, "Expected true or false, not " + value + "."));
        }
        return value != null && value.asBoolean(false);
    }

    private static InvalidAnswersException invalid(String key, String message) {
        return new InvalidAnswersException(List.of(new AnswerError(key, message)));
    }
}
