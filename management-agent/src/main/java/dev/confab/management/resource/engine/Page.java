package dev.confab.management.resource.engine;

import java.util.List;
import java.util.Map;

/** One page of a list: its objects as the API renders them and the total that matched. */
public record Page(List<Map<String, Object>> objects, long totalCount, long limit, long offset) {
}
