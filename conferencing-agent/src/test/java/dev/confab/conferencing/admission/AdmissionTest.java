package dev.confab.conferencing.admission;

import dev.confab.conferencing.testing.TestClock;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.SelfSigned;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantList;
import dev.confab.shared.wire.ReplicatedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Admission on one node of a platform of two, with a Management Node that grants every licence
 * and knows no load (the node places on itself, by its own count).
 */
class AdmissionTest {

    private static final IssuedCertificate IDENTITY = SelfSigned.generate("cn1.example.com", List.of("10.0.0.1"),
            Duration.ofDays(1), java.time.Clock.systemUTC());
    private final TestClock clock = TestClock.fixed();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger reports = new AtomicInteger();
    private final ManagementLink grantingAll = new ManagementLink() {
        @Override
        public LicenceAnswer licence(LicenceRequest request) {
            return new LicenceAnswer(true, null, List.of());
        }

        @Override
        public ParticipantList participants(String conference) {
            return new ParticipantList(List.of());
        }
    };
    private final Admission admission = new Admission(AdmissionTest::config, "cn1.example.com",
            () -> Capacity.of("c5.2xlarge", 8), clock, Duration.ofSeconds(120), grantingAll,
            new PeerClient(IDENTITY.certificate(), IDENTITY), executor, executor, reports::incrementAndGet);

    private static ReplicatedConfig config() {
        return ReplicatedConfig.of(3, Map.of(
                "system_location", List.of(Map.of("id", 1, "name", "London")),
                "worker_vm", List.of(node(1, "cn1"), node(2, "cn2")),
                "conference", List.of(Map.of("id", 7, "name", "Board", "service_type", "conference",
                        "call_type", "video", "pin", "", "guest_pin", "", "allow_guests", false)),
                "conference_alias", List.of(Map.of("id", 9, "alias", "board", "conference",
                        "/api/admin/configuration/v1/conference/7/"))));
    }

    private static Map<String, Object> node(int id, String name) {
        return Map.of("id", id, "name", name, "hostname", name, "domain", "example.com", "address", "10.0.0." + id,
                "node_type", "CONFERENCING", "system_location", "/api/admin/configuration/v1/system_location/1/",
                "maintenance_mode", false, ReplicatedConfig.ENROLLED, true);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void twoHundredSimultaneousHdCallsAdmitExactlyWhatTheNodeHolds() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "Caller " + i;
                results.add(callers.submit(() -> {
                    start.await();
                    try {
                        admission.requestToken("board", name, CallType.HD, null);
                        return true;
                    } catch (AdmissionException e) {
                        assertEquals("capacity exceeded: no room for an HD call in London", e.getMessage());
                        return false;
                    }
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
            // 272 media tokens: the conference's backplane (16) and 16 HD calls
            assertEquals(16, admitted);
            assertEquals(272, admission.load().mediaTokensUsed());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anExpiredTokenEndsItsCallAndFreesItsCapacity() {
        Admitted call = admission.requestToken("board", "Alice", CallType.FULL_HD, null);
        assertEquals(32 + 16, admission.load().mediaTokensUsed());
        clock.advance(Duration.ofSeconds(119));
        assertEquals(0, admission.expire());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, admission.expire());
        assertEquals(0, admission.load().mediaTokensUsed());
        assertEquals(403, assertThrows(AdmissionException.class, () -> admission.refreshToken(call.token()))
                .status());
    }
}
