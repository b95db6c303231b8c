package dev.confab.bench.channel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpeningsTest {

    @Test
    void letsInUpToTheLimitAndTheRestInTheOrderTheyCame() {
        Openings openings = new Openings(2);
        List<String> opened = new ArrayList<>();
        List<Openings.Slot> slots = new ArrayList<>();
        for (String node : List.of("a", "b", "c", "d")) {
            openings.enter(Runnable::run, slot -> {
                opened.add(node);
                slots.add(slot);
            });
        }
        assertEquals(List.of("a", "b"), opened);
        assertEquals(2, openings.waiting());

        slots.get(1).leave();
        assertEquals(List.of("a", "b", "c"), opened);
        slots.get(0).leave();
        assertEquals(List.of("a", "b", "c", "d"), opened);
        assertEquals(2, openings.opening());
        assertEquals(4, openings.opened());
    }

    @Test
    void aSlotLeftTwiceFreesOnePlace() {
        Openings openings = new Openings(1);
        List<Openings.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            openings.enter(Runnable::run, slots::add);
        }
        slots.get(0).leave();
        slots.get(0).leave();
        assertEquals(2, slots.size(), "the second leave of the same slot let no one else in");
        assertEquals(1, openings.waiting());
    }

    @Test
    void refusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Openings(0));
    }
}
