package dev.confab.management.replication;

import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ReplicatedConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationLogTest {

    private static Map<String, Object> location(long id, String name) {
        return Map.of("id", id, "name", name);
    }

    @SafeVarargs
    private static ReplicatedConfig config(long revision, Map<String, Object>... locations) {
        return ReplicatedConfig.of(revision, Map.of("system_location", List.of(locations)));
    }

    @Test
    void aNodeAtTheNewestRevisionIsToldNothingChangedWithTheChecksum() {
        ReplicationLog log = new ReplicationLog(8);
        log.record(config(3, location(1, "London")));
        ConfigUpdate update = log.since(3);
        assertFalse(update.changesObjects());
        assertEquals(3, update.revision());
        assertEquals(log.current().checksum(), update.checksum());
    }

    @Test
    void mergesTheChangesAfterTheNodesRevision() {
        ReplicationLog log = new ReplicationLog(8);
        log.record(config(1, location(1, "London")));
        log.record(config(2, location(1, "London"), location(2, "Paris")));
        log.record(config(5, location(2, "Paris"), location(3, "Oslo")));
        ConfigUpdate update = log.since(1);
        assertFalse(update.snapshot());
        assertEquals(5, update.revision());
        assertEquals(List.of("2", "3"), update.upserts().get("system_location").stream()
                .map(object -> object.get("id").toString()).toList());
        assertEquals(List.of("1"), update.deletions().get("system_location"));
        ReplicatedConfig node = config(1, location(1, "London")).apply(update);
        assertEquals(log.current().checksum(), node.checksum());
    }

    @Test
    void anObjectDeletedThenAddedAgainIsAnUpsertOnly() {
        ReplicationLog log = new ReplicationLog(8);
        log.record(config(1, location(1, "London")));
        log.record(config(2));
        log.record(config(3, location(1, "London again")));
        ConfigUpdate update = log.since(1);
        assertTrue(update.deletions().isEmpty(), update.deletions().toString());
        assertEquals("London again", update.upserts().get("system_location").get(0).get("name"));
    }

    @Test
    void answersASnapshotForAnUnknownTooOldOrNegativeRevision() {
        ReplicationLog log = new ReplicationLog(2);
        for (long revision = 1; revision <= 5; revision++) {
            log.record(config(revision, location(revision, "L" + revision)));
        }
        assertTrue(log.since(1).snapshot(), "too old: only two changes are kept");
        assertFalse(log.since(3).snapshot());
        assertTrue(log.since(-1).snapshot());
        assertTrue(log.since(42).snapshot(), "a revision from another store");
        assertEquals(List.of(location(5, "L5")), log.since(-1).upserts().get("system_location"));
    }

    @Test
    void keepsMoreThanTheMinimumWhileTheChangesTouchFewerObjectsThanTheConfigurationHolds() {
        // ten locations; each revision renames one of them: one object a change
        ReplicationLog log = new ReplicationLog(2, 100);
        List<Map<String, Object>> locations = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            locations.add(location(id, "L" + id));
        }
        log.record(ReplicatedConfig.of(1, Map.of("system_location", List.copyOf(locations))));
        for (long revision = 2; revision <= 12; revision++) {
            int renamed = (int) (revision % 10);
            locations.set(renamed, location(renamed + 1, "L" + (renamed + 1) + " at " + revision));
            log.record(ReplicatedConfig.of(revision, Map.of("system_location", List.copyOf(locations))));
        }

        // the ten newest changes touch ten objects, as many as the configuration holds: kept
        ConfigUpdate fromTwo = log.since(2);
        assertFalse(fromTwo.snapshot(), "ten changes of one object each are kept beyond the minimum of two");
        assertEquals(10, fromTwo.upserts().get("system_location").size());
        // the eleventh would make eleven objects: dropped, so revision 1 is answered with a snapshot
        assertTrue(log.since(1).snapshot());
    }

    @Test
    void keepsNoMoreThanTheMaximumHoweverSmallTheChanges() {
        ReplicationLog log = new ReplicationLog(1, 3);
        List<Map<String, Object>> locations = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            locations.add(location(id, "L" + id));
        }
        log.record(ReplicatedConfig.of(1, Map.of("system_location", List.copyOf(locations))));
        for (long revision = 2; revision <= 6; revision++) {
            locations.set(0, location(1, "L1 at " + revision));
            log.record(ReplicatedConfig.of(revision, Map.of("system_location", List.copyOf(locations))));
        }
        assertFalse(log.since(3).snapshot());
        assertTrue(log.since(2).snapshot(), "three changes at most");
    }

    @Test
    void everyRevisionAppliedInTurnGivesTheSameChecksumAsTheManagementNode() {
        ReplicationLog log = new ReplicationLog(64);
        ReplicatedConfig node = ReplicatedConfig.empty();
        List<Map<String, Object>> locations = new ArrayList<>();
        log.record(config(0));
        for (long revision = 1; revision <= 20; revision++) {
            locations.add(location(revision, "L" + revision));
            if (revision % 3 == 0) {
                locations.remove(0);
            }
            log.record(ReplicatedConfig.of(revision, Map.of("system_location", List.copyOf(locations))));
            ConfigUpdate update = log.since(node.revision());
            node = node.apply(update);
            assertEquals(update.checksum(), node.checksum(), "revision " + revision);
        }
    }

    @Test
    void otherContentAtTheSameRevisionReachesNodesAtThatRevisionAndBefore() {
        // an enrolment changes a node's "enrolled" without a new revision
        ReplicationLog log = new ReplicationLog(8);
        log.record(config(1, location(1, "London")));
        log.record(config(2, location(1, "London"), location(2, "Paris")));
        ReplicatedConfig atOne = config(1, location(1, "London"));
        ReplicatedConfig atTwo = log.current();

        log.record(config(2, location(1, "London"), location(2, "Paris, enrolled")));

        assertEquals("Paris, enrolled", log.current().objects("system_location").get(1).get("name"));
        ConfigUpdate forTwo = log.since(2, atTwo.checksum());
        assertEquals(2, forTwo.revision());
        assertEquals(List.of(location(2, "Paris, enrolled")), forTwo.upserts().get("system_location"));
        assertEquals(log.current().checksum(), atTwo.apply(forTwo).checksum());
        assertEquals(log.current().checksum(), atOne.apply(log.since(1)).checksum());
        assertFalse(log.since(2, log.current().checksum()).changesObjects(), "a node holding it is told nothing");
        log.record(config(2, location(1, "London"), location(2, "Paris, enrolled")));
        assertEquals(log.since(2, atTwo.checksum()), forTwo, "the same content again records nothing");
    }
}
