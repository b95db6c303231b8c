package dev.confab.management.resource.engine;

import java.util.List;
import java.util.Map;

/** One page of a list: its objects as the API renders them and the total that matched. */
public record Page(List<Map<String, Object>> objects, long totalCount, long limit, long offset) {

    /**
     * Whether objects follow this page. Computed without {@code offset + limit}, which overflows
     * into a negative number for an offset near {@link Long#MAX_VALUE}; when true, that sum is
     * below {@code totalCount} and is the next page's offset.
     */
    public boolean hasNext() {
        return limit < totalCount - offset;
    }
}
