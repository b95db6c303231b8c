package dev.confab.conferencing.admission;

import dev.confab.conferencing.ConferencingException;

/**
 * A client API request that is refused, with the HTTP status to answer and a message that says
 * what is wrong: 400 (a field), 403 (PIN, token), 404 (alias), 503 (capacity, licences).
 */
public class AdmissionException extends ConferencingException {

    /** The message every refusal for want of room, licences or places starts with. */
    public static final String CAPACITY_EXCEEDED = "capacity exceeded";

    private final int status;

    public AdmissionException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static AdmissionException badField(String field, String problem) {
        return new AdmissionException(400, field + ": " + problem);
    }

    static AdmissionException forbidden(String message) {
        return new AdmissionException(403, message);
    }

    static AdmissionException invalidToken() {
        return new AdmissionException(403, "invalid token");
    }

    static AdmissionException notFound(String message) {
        return new AdmissionException(404, message);
    }

    /** 503 "capacity exceeded: {@code why}". */
    static AdmissionException capacityExceeded(String why) {
        return new AdmissionException(503, CAPACITY_EXCEEDED + ": " + why);
    }

    static AdmissionException unavailable(String message) {
        return new AdmissionException(503, message);
    }
}
