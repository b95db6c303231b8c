package dev.confab.management.cloud;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.util.Set;

/** What a failed EC2 call means: retry it, raise an alarm, move on to another node, or report it. Pure. */
final class Ec2Errors {

    /** The kinds of failure, by what follows from them. */
    enum Kind {
        /** Throttled: try again after a wait. */
        THROTTLED,
        /** A 5xx: try again after a wait. */
        SERVER_ERROR,
        /** Not reached (refused connection, timeout, unknown host): try again after a wait. */
        UNREACHABLE,
        /** The credentials or the permission were refused: an alarm. */
        NOT_PERMITTED,
        /** No capacity for a start: another node. */
        NO_CAPACITY,
        /** Anything else: report it. */
        REFUSED;

        boolean retryable() {
            return this == THROTTLED || this == SERVER_ERROR || this == UNREACHABLE;
        }
    }

    /** A failure classified: its kind, EC2's error code (or what stands for one) and EC2's message. */
    record Classified(Kind kind, String code, String detail) {
    }

    static final String INSUFFICIENT_CAPACITY = "InsufficientInstanceCapacity";
    private static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "Throttling", "ThrottlingException",
            "RequestThrottled", "RequestThrottledException", "TooManyRequestsException");
    /** The credentials themselves were refused. */
    private static final Set<String> CREDENTIALS = Set.of("AuthFailure", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "MissingAuthenticationToken");
    /** The credentials were accepted, the permission was not. */
    private static final Set<String> PERMISSION = Set.of("UnauthorizedOperation", "AccessDenied",
            "AccessDeniedException");

    private Ec2Errors() {
    }

    static Classified classify(RuntimeException failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
                    ? "HTTP " + service.statusCode() : service.awsErrorDetails().errorCode();
            String detail = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? "" : service.awsErrorDetails().errorMessage();
            return new Classified(kind(code, service.statusCode()), code, detail);
        }
        if (failure instanceof ApiCallAttemptTimeoutException) {
            return new Classified(Kind.UNREACHABLE, "Timeout", "no answer within "
                    + Ec2Clients.CONNECT_TIMEOUT.plus(Ec2Clients.READ_TIMEOUT).toSeconds() + " s");
        }
        if (failure instanceof SdkClientException && ioCause(failure) != null) {
            IOException cause = ioCause(failure);
            return new Classified(Kind.UNREACHABLE, cause.getClass().getSimpleName(), cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return new Classified(Kind.REFUSED, failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()));
    }

    private static Kind kind(String code, int status) {
        if (THROTTLING.contains(code) || status == 429) {
            return Kind.THROTTLED;
        }
        if (CREDENTIALS.contains(code) || PERMISSION.contains(code)) {
            return Kind.NOT_PERMITTED;
        }
        if (code.equals(INSUFFICIENT_CAPACITY)) {
            return Kind.NO_CAPACITY;
        }
        return status >= 500 ? Kind.SERVER_ERROR : Kind.REFUSED;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The failure an operator reads, after {@code attempts} calls to {@code endpoint}. */
    static CloudFailure failure(Classified error, Ec2Action action, int attempts, String endpoint, String tagValue) {
        String tries = attempts == 1 ? "" : " (" + attempts + " attempts)";
        String said = error.detail().isEmpty() ? error.code() : error.code() + ": " + error.detail();
        return switch (error.kind()) {
            case THROTTLED -> new CloudFailure(CloudFailure.Kind.THROTTLED, action, error.code(), "EC2 throttled "
                    + action.action() + tries + " (" + said + "): the account's EC2 API request rate is used up;"
                    + " bursting asks again at its next check.");
            case SERVER_ERROR -> new CloudFailure(CloudFailure.Kind.UNAVAILABLE, action, error.code(), "EC2 at "
                    + endpoint + " answered " + action.action() + " with a server error" + tries + " (" + said + ").");
            case UNREACHABLE -> new CloudFailure(CloudFailure.Kind.UNREACHABLE, action, error.code(),
                    "Could not reach the EC2 endpoint " + endpoint + " for " + action.action() + tries + ": "
                            + error.detail() + ". Check aws_region and aws_endpoint in Platform › Global Settings,"
                            + " and that the Management Node can reach that endpoint.");
            case NOT_PERMITTED -> new CloudFailure(CloudFailure.Kind.NOT_PERMITTED, action, error.code(),
                    notPermitted(error, action, said, tagValue));
            case NO_CAPACITY, REFUSED -> new CloudFailure(CloudFailure.Kind.REFUSED, action, error.code(),
                    "EC2 refused " + action.action() + " (" + said + ").");
        };
    }

    private static String notPermitted(Classified error, Ec2Action action, String said, String tagValue) {
        String scope = action == Ec2Action.DESCRIBE_INSTANCES ? ""
                : " on instances tagged " + dev.confab.management.resource.catalog.Catalog.burstingTagName() + "="
                + tagValue;
        if (CREDENTIALS.contains(error.code())) {
            return "EC2 did not accept the credentials for " + action.permission() + " (" + said + "): check"
                    + " aws_access_key and aws_secret_key (or aws_instance_role) in Platform › Global Settings, and"
                    + " that the IAM user or role has the permission " + action.permission() + scope + ".";
        }
        return "EC2 refused the permission " + action.permission() + scope + " (" + said + "): attach the IAM"
                + " policy shown in Platform › Global Settings to the Management Node's IAM user or role.";
    }
}
