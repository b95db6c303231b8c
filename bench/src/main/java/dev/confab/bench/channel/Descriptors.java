package dev.confab.bench.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The number of open files a process may hold (its soft limit), from {@code /proc/PID/limits}. */
final class Descriptors {

    private Descriptors() {
    }

    static long limit(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/limits")).stream()
                .filter(line -> line.startsWith("Max open files"))
                .map(line -> line.substring("Max open files".length()).trim().split("\\s+")[0])
                .map(value -> value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value))
                .findFirst().orElse(Long.MAX_VALUE);
    }
}
