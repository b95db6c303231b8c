package dev.confab.localcloud.ec2;

/**
 * A refusal the endpoint answers as EC2 does: an error code such as {@code AuthFailure}, its
 * message, and the HTTP status EC2 sends with it. Thrown by the checks and actions, rendered once
 * by {@link Ec2Endpoint}.
 */
public final class Ec2Error extends RuntimeException {

    private final String code;
    private final int status;

    public Ec2Error(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    static Ec2Error authFailure(String message) {
        return new Ec2Error("AuthFailure", 401, message);
    }

    static Ec2Error invalidParameter(String message) {
        return new Ec2Error("InvalidParameterValue", 400, message);
    }

    static Ec2Error missingParameter(String name) {
        return new Ec2Error("MissingParameter", 400, "The request must contain the parameter " + name + ".");
    }
}
