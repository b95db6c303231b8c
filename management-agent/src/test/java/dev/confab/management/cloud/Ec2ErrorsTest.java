package dev.confab.management.cloud;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each EC2 failure leads to, and what the operator reads about it. */
class Ec2ErrorsTest {

    private static AwsServiceException ec2(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " said so").build())
                .build();
    }

    private static Ec2Errors.Kind kind(RuntimeException failure) {
        return Ec2Errors.classify(failure).kind();
    }

    @Test
    void throttlingAndServerErrorsAndUnreachedEndpointsAreRetried() {
        assertEquals(Ec2Errors.Kind.THROTTLED, kind(ec2("RequestLimitExceeded", 503)));
        assertEquals(Ec2Errors.Kind.SERVER_ERROR, kind(ec2("InternalError", 500)));
        assertEquals(Ec2Errors.Kind.SERVER_ERROR, kind(ec2("Unavailable", 503)));
        assertEquals(Ec2Errors.Kind.UNREACHABLE, kind(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"))));
        assertTrue(Ec2Errors.Kind.THROTTLED.retryable());
        assertTrue(Ec2Errors.Kind.SERVER_ERROR.retryable());
        assertTrue(Ec2Errors.Kind.UNREACHABLE.retryable());
    }

    @Test
    void insufficientCapacityIsItsOwnKindAndNotRetriedAlthoughItIsA500() {
        assertEquals(Ec2Errors.Kind.NO_CAPACITY, kind(ec2("InsufficientInstanceCapacity", 500)));
        assertFalse(Ec2Errors.Kind.NO_CAPACITY.retryable());
    }

    @Test
    void refusedCredentialsAndPermissionsAreNotPermitted() {
        for (String code : new String[]{"AuthFailure", "UnauthorizedOperation", "AccessDenied"}) {
            assertEquals(Ec2Errors.Kind.NOT_PERMITTED, kind(ec2(code, code.equals("AuthFailure") ? 401 : 403)), code);
        }
        assertFalse(Ec2Errors.Kind.NOT_PERMITTED.retryable());
        assertEquals(Ec2Errors.Kind.REFUSED, kind(ec2("InvalidInstanceID.NotFound", 400)));
    }

    @Test
    void aRefusedPermissionNamesThePermissionAndTheTag() {
        CloudFailure failure = Ec2Errors.failure(Ec2Errors.classify(ec2("UnauthorizedOperation", 403)),
                Ec2Action.START_INSTANCES, 1, "https://ec2.us-east-1.amazonaws.com", "mgmt");
        assertEquals(CloudFailure.Kind.NOT_PERMITTED, failure.kind());
        assertTrue(failure.message().contains("ec2:StartInstances on instances tagged pexip-cloud=mgmt"),
                failure.message());
        assertTrue(failure.message().contains("IAM policy shown in Platform › Global Settings"), failure.message());
    }

    @Test
    void refusedCredentialsSayWhichSettingsToCheck() {
        CloudFailure failure = Ec2Errors.failure(Ec2Errors.classify(ec2("AuthFailure", 401)),
                Ec2Action.DESCRIBE_INSTANCES, 1, "https://ec2.us-east-1.amazonaws.com", "mgmt");
        assertTrue(failure.message().contains("aws_access_key and aws_secret_key"), failure.message());
        assertTrue(failure.message().contains("ec2:DescribeInstances"), failure.message());
    }

    @Test
    void anUnreachedEndpointIsNamed() {
        CloudFailure failure = Ec2Errors.failure(Ec2Errors.classify(SdkClientException.create("x",
                new ConnectException("Connection refused"))), Ec2Action.DESCRIBE_INSTANCES, 4,
                "http://127.0.0.1:9/", "mgmt");
        assertEquals(CloudFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.message().startsWith("Could not reach the EC2 endpoint http://127.0.0.1:9/ for"
                + " DescribeInstances (4 attempts): Connection refused."), failure.message());
    }
}
