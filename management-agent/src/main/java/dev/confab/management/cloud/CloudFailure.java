package dev.confab.management.cloud;

/**
 * Why a call to EC2 did not succeed, for an operator: what kind of failure, which action, EC2's
 * error code (or what Confab found), and a message that says what to do. Immutable.
 */
public record CloudFailure(Kind kind, Ec2Action action, String code, String message) {

    /** What went wrong, by what the caller should do about it. */
    public enum Kind {
        /** The settings do not allow a call (no credentials, a region that is not supported). */
        NOT_CONFIGURED,
        /** EC2 refused the credentials or the permission (AuthFailure, UnauthorizedOperation, AccessDenied). */
        NOT_PERMITTED,
        /** Still throttled (RequestLimitExceeded) after the retries. */
        THROTTLED,
        /** Still a server error (5xx) after the retries. */
        UNAVAILABLE,
        /** The endpoint could not be reached (connection refused, timeout, name not resolved) after the retries. */
        UNREACHABLE,
        /** Any other refusal: an unknown instance, a state it cannot leave … */
        REFUSED
    }
}
