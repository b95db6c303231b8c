package dev.confab.bench.bursting;

import dev.confab.management.bursting.BurstingAction;
import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.BurstingPolicy;
import dev.confab.management.bursting.ManualStartOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How long the bursting policy takes to decide for a platform of 1,000 nodes in 100 locations
 * (the Management Node is to run it on every load change and every 10 s), and to check a manual
 * start; {@link CpuTime} prints the CPU time per call beside JMH's wall-clock score. Run with
 * bench/bursting-policy.sh; results in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BurstingPolicyBenchmark {

    @Param({"1000"})
    int nodes;

    @Param({"100"})
    int locations;

    private BurstingInput input;

    @Setup
    public void generate() {
        input = GeneratedPlatform.of(locations, nodes, 13);
        BurstingDecision decision = BurstingPolicy.decide(input);
        long starts = decision.actions().stream().filter(action -> action.kind() == BurstingAction.Kind.START).count();
        long stops = decision.actions().size() - starts;
        if (starts == 0 || stops == 0) {
            throw new IllegalStateException("The generated platform needs starts and stops to be a fair benchmark");
        }
        System.out.printf("%d nodes in %d locations: %d starts, %d stops decided%n", nodes, locations, starts, stops);
    }

    @Benchmark
    public BurstingDecision decide(CpuTime cpu) {
        cpu.count();
        return BurstingPolicy.decide(input);
    }

    @Benchmark
    public ManualStartOutcome startByAdministrator(CpuTime cpu) {
        cpu.count();
        return BurstingPolicy.startByAdministrator(input, "i-42-3");
    }
}
