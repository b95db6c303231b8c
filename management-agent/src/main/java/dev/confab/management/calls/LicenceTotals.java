package dev.confab.management.calls;

import dev.confab.management.resource.catalog.Licence;

import java.time.Instant;
import java.util.Collection;

/**
 * The concurrent calls the platform's licences allow at a moment: the sum over the licences active
 * then (started, not expired) of their {@code concurrent} ports and additional {@code audio}-only calls.
 */
record LicenceTotals(int ports, int audio) {

    static LicenceTotals of(Collection<Licence> licences, Instant now) {
        long ports = 0;
        long audio = 0;
        for (Licence licence : licences) {
            if (licence.isActive(now)) {
                ports += licence.concurrent();
                audio += licence.audio();
            }
        }
        return new LicenceTotals((int) Math.min(Integer.MAX_VALUE, ports), (int) Math.min(Integer.MAX_VALUE, audio));
    }
}
