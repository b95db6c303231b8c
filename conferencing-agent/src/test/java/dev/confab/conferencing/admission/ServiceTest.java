package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceTest {

    private static Service service(String pin, String guestPin, boolean allowGuests) {
        return new Service("Board", "conference", pin, guestPin, allowGuests, null, "video", "");
    }

    @Test
    void withoutAHostPinEveryoneIsAHost() {
        assertEquals(Role.HOST, service("", "", false).roleFor(null));
        assertEquals(Role.HOST, service("", "", true).roleFor("1234"));
    }

    @Test
    void theHostPinMakesAHostAndTheGuestPinAGuest() {
        Service service = service("1234", "5678", true);
        assertEquals(Role.HOST, service.roleFor("1234"));
        assertEquals(Role.GUEST, service.roleFor("5678"));
    }

    @Test
    void guestsWithoutAGuestPinJoinWithNoPin() {
        Service service = service("1234", "", true);
        assertEquals(Role.GUEST, service.roleFor(null));
        assertEquals(Role.GUEST, service.roleFor(""));
        assertEquals(Role.HOST, service.roleFor("1234"));
    }

    @Test
    void aWrongOrMissingPinIsForbidden() {
        AdmissionException wrong = assertThrows(AdmissionException.class, () -> service("1234", "5678", true)
                .roleFor("0000"));
        assertEquals(403, wrong.status());
        assertEquals("invalid PIN", wrong.getMessage());
        AdmissionException missing = assertThrows(AdmissionException.class, () -> service("1234", "5678", true)
                .roleFor(null));
        assertEquals(403, missing.status());
        assertEquals("a PIN is required: give the host PIN or the guest PIN in the pin header", missing.getMessage());
    }

    @Test
    void aServiceWithoutGuestsRefusesTheGuestPinAndNoPin() {
        Service service = service("1234", "5678", false);
        assertEquals("invalid PIN (this conference takes no guests)",
                assertThrows(AdmissionException.class, () -> service.roleFor("5678")).getMessage());
        assertEquals("a PIN is required: give the host PIN in the pin header (this conference takes no guests)",
                assertThrows(AdmissionException.class, () -> service.roleFor(null)).getMessage());
    }

    @Test
    void theServiceCapsTheCallType() {
        Service audioOnly = new Service("Radio", "conference", "", "", false, null, "audio", "");
        assertEquals(CallType.AUDIO, audioOnly.admitted(CallType.FULL_HD));
        Service sd = new Service("Lobby", "lecture", "", "", false, null, "video", "sd");
        assertEquals(CallType.SD, sd.admitted(CallType.HD));
        assertEquals(CallType.AUDIO, sd.admitted(CallType.AUDIO));
        Service hd = new Service("Hall", "lecture", "", "", false, null, "video", "hd");
        assertEquals(CallType.HD, hd.admitted(CallType.FULL_HD));
        assertEquals(CallType.SD, hd.admitted(CallType.SD));
        assertEquals(CallType.FULL_HD, service("", "", false).admitted(CallType.FULL_HD));
    }
}
