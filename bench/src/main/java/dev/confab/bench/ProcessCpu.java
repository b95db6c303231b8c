package dev.confab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc}, for the cores a server used during a phase of a benchmark. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** User + system CPU time of process {@code pid} in ms, from /proc (clock ticks of 10 ms); 0 without a pid. */
    public static long millis(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
