package dev.confab.management.resource.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reaction runs only for the changes it depends on. */
class ReactionTest {

    private static final ConfigurationChange NODE_DELETED = new ConfigurationChange(7, "worker_vm", 3, "deleted");
    private static final ConfigurationChange NODE_UPDATED = new ConfigurationChange(8, "worker_vm", 3, "updated");
    private static final ConfigurationChange LOCATION_CREATED = new ConfigurationChange(9, "system_location", 1,
            "created");

    private static List<String> run(Reaction reaction, List<String> seen) {
        for (ConfigurationChange change : List.of(NODE_DELETED, NODE_UPDATED, LOCATION_CREATED)) {
            reaction.accept(change);
        }
        return seen;
    }

    @Test
    void aReactionToDeletionsIsToldTheDeletedIdOnly() {
        List<String> seen = new ArrayList<>();
        assertEquals(List.of("3"), run(Reaction.toDeletionOf("t", "worker_vm", id -> seen.add(Long.toString(id))),
                seen));
    }

    @Test
    void aReactionToResourcesRunsForEachChangeToThem() {
        List<String> seen = new ArrayList<>();
        assertEquals(List.of("ran"), run(Reaction.to("t", Set.of("system_location"), () -> seen.add("ran")), seen));
        List<String> both = new ArrayList<>();
        assertEquals(3, run(Reaction.to("t", Set.of("system_location", "worker_vm"), () -> both.add("ran")), both)
                .size());
    }

    @Test
    void aReactionToEveryChangeRunsForEach() {
        List<String> seen = new ArrayList<>();
        assertEquals(3, run(Reaction.toEvery("t", () -> seen.add("ran")), seen).size());
    }
}
