package dev.confab.localcloud.ipsec;

import dev.confab.shared.testing.Await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * tcpdump on a lab host's end of the link between the two hosts, written to a pcap file: what
 * really crossed the wire. {@code --immediate-mode}, or short captures come back empty.
 */
final class PacketCapture {

    private static final Pattern SPI = Pattern.compile("ESP\\(spi=0x([0-9a-f]+),");

    private final Path file;
    private final Process tcpdump;

    private PacketCapture(Path file, Process tcpdump) {
        this.file = file;
        this.tcpdump = tcpdump;
    }

    /** Starts capturing on {@code host}'s link and returns once tcpdump listens. */
    static PacketCapture start(IpsecLab lab, LabHost host, String name) throws Exception {
        Path file = lab.dir().resolve(name + ".pcap");
        Path log = lab.dir().resolve(name + ".tcpdump.log");
        Process tcpdump = lab.start(host.inside(List.of("tcpdump", "-Z", "root", "--immediate-mode", "-U", "-n",
                "-i", host.link(), "-w", file.toString())), java.util.Map.of(), log);
        Await.atMost(Duration.ofSeconds(20)).whileAlive(tcpdump).showing(() -> Files.readString(log))
                .until("tcpdump listening on " + host.link(), () -> Files.readString(log).contains("listening on"));
        return new PacketCapture(file, tcpdump);
    }

    /** Stops tcpdump (SIGTERM flushes the file). */
    void stop() throws InterruptedException {
        IpsecLab.stop(tcpdump);
    }

    /** The captured packets matching the pcap {@code filter}, one line each as tcpdump prints them. */
    List<String> packets(String filter) {
        String output = Commands.require(List.of("tcpdump", "-n", "-r", file.toString(), filter));
        return output.lines().filter(line -> !line.startsWith("reading from file")).toList();
    }

    /** The SPIs of the ESP packets carried in UDP 4500 (non-ESP marker zero means IKE, left out). */
    Set<String> espSpis() {
        return packets("udp port 4500 and udp[8:4] != 0").stream()
                .map(SPI::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .collect(Collectors.toSet());
    }

    /** Whether {@code marker} appears anywhere in the captured bytes. */
    boolean contains(String marker) throws Exception {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return bytes.contains(marker);
    }
}
