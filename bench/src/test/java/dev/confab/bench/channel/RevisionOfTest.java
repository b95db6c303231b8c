package dev.confab.bench.channel;

import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulator reads an answer's revision wherever the field comes, past objects and lists. */
class RevisionOfTest {

    @Test
    void readsTheRevisionOfAnEncodedAnswer() throws IOException {
        byte[] answer = NodeChannel.json().writeValueAsBytes(new ConfigUpdate(42, false, "0".repeat(64),
                Map.of("worker_vm", List.of(Map.of("id", 7, "revision", 3))), Map.of(), null));
        assertEquals(42, SimulatedNode.revisionOf(answer));
    }

    @Test
    void skipsNestedFieldsOfTheSameNameBeforeIt() throws IOException {
        byte[] answer = "{\"upserts\":{\"a\":[{\"revision\":3}]},\"checksum\":\"x\",\"revision\":9}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(9, SimulatedNode.revisionOf(answer));
    }

    @Test
    void refusesAnAnswerWithoutOne() {
        assertThrows(IOException.class, () -> SimulatedNode.revisionOf("{\"snapshot\":true}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> SimulatedNode.revisionOf("[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
