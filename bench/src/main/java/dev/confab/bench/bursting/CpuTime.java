package dev.confab.bench.bursting;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time the benchmark thread spends per call, printed after each iteration: on a machine
 * shared with other work, JMH's wall-clock score includes the time the thread waited for a core,
 * and this does not.
 */
@State(Scope.Thread)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long calls;
    private long startNanos;

    @Setup(Level.Iteration)
    public void start() {
        calls = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** Counts one call of the benchmark method. */
    void count() {
        calls++;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long spent = THREADS.getCurrentThreadCpuTime() - startNanos;
        System.out.printf("  [CPU time: %.1f us per call over %d calls]%n", spent / 1000.0 / Math.max(1, calls), calls);
    }
}
