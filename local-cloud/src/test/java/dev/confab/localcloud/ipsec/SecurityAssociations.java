package dev.confab.localcloud.ipsec;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SAs a charon holds, from {@code swanctl --list-sas --raw}: the SPIs of its installed child SAs
 * and the bytes they carried; {@code active} counts established IKE SAs and installed child SAs.
 */
record SecurityAssociations(Set<String> spis, long bytes, int active, String raw) {

    private static final Pattern SPI = Pattern.compile("spi-(?:in|out)=([0-9a-f]+)");
    private static final Pattern BYTES = Pattern.compile("bytes-(?:in|out)=(\\d+)");

    static SecurityAssociations of(LabHost host) {
        Commands.Result result = host.swanctl("--list-sas", "--raw");
        if (!result.ok()) {
            throw new IllegalStateException("swanctl --list-sas in " + host.namespace() + ": " + result.output());
        }
        String raw = result.output();
        Set<String> spis = new HashSet<>();
        Matcher spi = SPI.matcher(raw);
        while (spi.find()) {
            spis.add(spi.group(1));
        }
        long bytes = 0;
        Matcher counted = BYTES.matcher(raw);
        while (counted.find()) {
            bytes += Long.parseLong(counted.group(1));
        }
        int active = raw.split("state=ESTABLISHED", -1).length - 1 + raw.split("state=INSTALLED", -1).length - 1;
        return new SecurityAssociations(spis, bytes, active, raw);
    }
}
