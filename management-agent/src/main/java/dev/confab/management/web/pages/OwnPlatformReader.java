package dev.confab.management.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.bursting.plan.PlatformReader;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Management Node's own management API, read inside it: the objects its list and detail answers
 * hold, rendered as the API renders them, without a request over the network. Thread-safe.
 */
final class OwnPlatformReader implements PlatformReader {

    private final ConfigurationService service;
    private final ObjectMapper json = new ObjectMapper();

    OwnPlatformReader(ConfigurationService service) {
        this.service = service;
    }

    @Override
    public List<JsonNode> all(String resource) {
        ResourceSpec spec = spec(resource, 3);
        List<JsonNode> objects = new ArrayList<>();
        Page page;
        do {
            page = service.list(spec, ListQuery.parse(spec, Map.of("limit", List.of(String.valueOf(ListQuery.MAX_LIMIT)),
                    "offset", List.of(String.valueOf(objects.size())))));
            service.withWholeFields(spec, page.objects()).forEach(object -> objects.add(json.valueToTree(object)));
        } while (!page.objects().isEmpty() && objects.size() < page.totalCount());
        return objects;
    }

    @Override
    public JsonNode get(String path) {
        ResourceSpec spec = spec(path, 4);
        long id = Long.parseLong(path.split("/")[3]);
        return json.valueToTree(service.withWholeFields(spec, new ArrayList<>(List.of(service.get(spec, id)))).get(0));
    }

    /** The resource of {@code configuration/v1/worker_vm/} (3 parts) or {@code configuration/v1/global/1/} (4). */
    private ResourceSpec spec(String path, int parts) {
        String[] part = path.split("/");
        if (part.length != parts || !"v1".equals(part[1])) {
            throw new IllegalArgumentException(path + " is not a path of the management API such as "
                    + (parts == 3 ? "configuration/v1/worker_vm/" : "configuration/v1/global/1/"));
        }
        return service.catalog().get(part[0], part[2]);
    }
}
