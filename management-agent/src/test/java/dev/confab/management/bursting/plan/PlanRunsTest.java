package dev.confab.management.bursting.plan;

import dev.confab.management.bursting.simulation.GuideNineAm;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulations run one at a time, away from the caller, and stop with the Management Node. */
class PlanRunsTest {

    private static PlanRuns.Job job(int days) {
        GuideNineAm guide = new GuideNineAm(days, 1, 1);
        return new PlanRuns.Job(GuideNineAm.NAME + ", " + days + " day(s)", guide.platform(), guide.trace(),
                guide.policies(), 1);
    }

    @Test
    void runsASimulationAwayFromTheCallerAndKeepsItsOutcome() throws Exception {
        try (PlanRuns runs = new PlanRuns(Clock.systemUTC())) {
            assertEquals(Optional.empty(), runs.last());

            PlanRuns.Run started = runs.start(job(1), "admin").orElseThrow();

            assertEquals("admin", started.startedBy());
            PlanRuns.Run finished = Await.atMost(Duration.ofSeconds(60)).until("the simulation to end",
                    () -> runs.last().filter(run -> !run.running()).orElse(null));
            assertEquals(started.number(), finished.number());
            assertEquals(Optional.empty(), finished.failure());
            assertEquals(4, finished.result().orElseThrow().timelines().size());
            assertEquals(1440, finished.result().orElseThrow().hdOffered().size());
        }
    }

    @Test
    void refusesASecondSimulationWhileOneRunsAndStopsItWhenClosed() throws Exception {
        PlanRuns runs = new PlanRuns(Clock.systemUTC());
        // two weeks of the guide's scenario take seconds: the second request comes while the first runs
        PlanRuns.Run first = runs.start(job(14), "admin").orElseThrow();

        assertEquals(Optional.empty(), runs.start(job(1), "operator"));
        assertEquals(first.number(), runs.last().orElseThrow().number());

        runs.close();
        PlanRuns.Run stopped = runs.last().orElseThrow();
        assertFalse(stopped.running());
        assertTrue(stopped.failure().orElseThrow().contains("stopped"), stopped.failure().toString());
    }

    @Test
    void sendsTheGuidesDaysToEveryLocationWithAlwaysOnNodesScaledToThem() {
        SimulatedPlatform guide = new GuideNineAm(1, 1, 1).platform();
        // the guide's own platform: London's 80 HD always-on calls are the scale of 1, the guide's own trace
        Trace own = new GuideOnPlatform(1, 1).trace(guide);
        Trace expected = new GuideNineAm(1, 1, 1).trace();

        assertEquals(expected.calls(), own.calls());
        assertTrue(own.calls().stream().allMatch(call -> call.location().equals("London")));
    }
}
