package dev.confab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Drives wrk, a load generator in its own process, against the Management Node under test. */
final class Wrk {

    private final String base;
    private final String authorization;
    private final int nodes;
    private final int connections;

    Wrk(String base, String authorization, int nodes, int connections) {
        this.base = base;
        this.authorization = authorization;
        this.nodes = nodes;
        this.connections = connections;
    }

    /**
     * Runs an unmeasured warm-up, then the measured run, printing wrk's summary lines; returns the
     * measured requests per second.
     */
    double run(String name, String script, int warmupSeconds, int seconds) throws IOException, InterruptedException {
        Path lua = Files.createTempFile("confab-wrk-", ".lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + script)) {
            Files.write(lua, in.readAllBytes());
        }
        execute(lua, warmupSeconds);
        System.out.println("== " + name + " (wrk, " + connections + " connections, " + seconds + " s)");
        double rate = Double.NaN;
        for (String line : execute(lua, seconds)) {
            if (line.contains("Requests/sec") || line.trim().startsWith("50%") || line.trim().startsWith("99%")
                    || line.contains("Non-2xx") || line.contains("Socket errors") || line.contains("requests in")) {
                System.out.println("   " + line.trim());
            }
            if (line.contains("Requests/sec:")) {
                rate = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        Files.delete(lua);
        if (Double.isNaN(rate)) {
            throw new IOException("wrk printed no Requests/sec line for " + name);
        }
        return rate;
    }

    private List<String> execute(Path lua, int seconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: " + authorization, "-s", lua.toString(), base + "/")
                .redirectErrorStream(true);
        builder.environment().put("CONFAB_NODES", Integer.toString(nodes));
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed: " + String.join("\n", lines));
        }
        return lines;
    }
}
