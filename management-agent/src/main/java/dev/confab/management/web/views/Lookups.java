package dev.confab.management.web.views;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.views.FieldView.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names of related objects, for select options and for showing a URI as the name it points to. */
public final class Lookups {

    private final ConfigurationService service;

    public Lookups(ConfigurationService service) {
        this.service = service;
    }

    /** Every object of a configuration resource as an option: its URI and its name. */
    public List<Option> options(String resource) {
        return names(resource).entrySet().stream()
                .map(entry -> new Option(entry.getKey(), entry.getValue(), false)).toList();
    }

    /** URI → name of every object that a related field of {@code spec} may point to. */
    public Map<String, String> namesFor(ResourceSpec spec) {
        Map<String, String> names = new LinkedHashMap<>();
        spec.fields().values().stream()
                .filter(field -> field.type() == FieldSpec.Type.RELATED || field.type() == FieldSpec.Type.RELATED_LIST)
                .map(FieldSpec::relatedResource).distinct()
                .forEach(resource -> names.putAll(names(resource)));
        return names;
    }

    /** Every object of a resource, in its default order (at most the API's largest page). */
    public List<Map<String, Object>> all(ResourceSpec spec, Map<String, List<String>> filters) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(filters);
        parameters.put("limit", List.of("0"));
        return service.list(spec, ListQuery.parse(spec, parameters)).objects();
    }

    private Map<String, String> names(String resource) {
        ResourceSpec spec = service.catalog().configuration(resource);
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> object : all(spec, Map.of())) {
            Object name = object.get(spec.displayField());
            names.put(String.valueOf(object.get("resource_uri")),
                    name == null || name.toString().isEmpty() ? "#" + object.get("id") : name.toString());
        }
        return names;
    }
}
