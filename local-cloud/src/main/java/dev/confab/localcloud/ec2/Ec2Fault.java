package dev.confab.localcloud.ec2;

/** The failures the endpoint can be told to answer with, each as EC2 sends it. */
public enum Ec2Fault {
    /** Throttling: the account's request rate is exceeded. */
    THROTTLING("RequestLimitExceeded", 503, "Request limit exceeded."),
    /** A server error. */
    INTERNAL_ERROR("InternalError", 500, "An internal error has occurred."),
    /** The service is overloaded. */
    UNAVAILABLE("Unavailable", 503, "The server is overloaded and can't handle the request."),
    /** The credentials were not accepted. */
    AUTH_FAILURE("AuthFailure", 401, "AWS was not able to validate the provided access credentials"),
    /** The caller lacks the permission for the action. */
    UNAUTHORIZED_OPERATION("UnauthorizedOperation", 403, "You are not authorized to perform this operation."),
    /** No capacity for the instance type in its Availability Zone (StartInstances). */
    INSUFFICIENT_INSTANCE_CAPACITY("InsufficientInstanceCapacity", 500,
            "We currently do not have sufficient capacity in the Availability Zone you requested.");

    private final String code;
    private final int status;
    private final String message;

    Ec2Fault(String code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    /** The error EC2 answers for this fault. */
    public Ec2Error error() {
        return new Ec2Error(code, status, message);
    }

    public String code() {
        return code;
    }
}
