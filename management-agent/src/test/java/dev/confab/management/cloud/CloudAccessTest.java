package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.GlobalSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From the global settings to the region, endpoint and credentials EC2 is called with. */
class CloudAccessTest {

    private static GlobalSettings settings(String region, Optional<String> endpoint, Optional<String> accessKey,
                                           boolean instanceRole) {
        return new GlobalSettings(true, 5, 50, "AWS", accessKey, instanceRole, region, endpoint, true);
    }

    private static CloudAccess withKeys(String region, Optional<String> endpoint) {
        return CloudAccess.of(settings(region, endpoint, Optional.of("AKIAEXAMPLE"), false), Optional.of("secret"),
                "mgmt");
    }

    @Test
    void callsAwsOwnEndpointOfTheRegionOverHttps() {
        assertEquals("https://ec2.eu-west-2.amazonaws.com", withKeys("eu-west-2", Optional.empty()).endpoint());
    }

    @Test
    void callsTheGovCloudEndpointInGovCloud() {
        assertEquals("https://ec2.us-gov-west-1.amazonaws.com", withKeys("us-gov-west-1", Optional.empty()).endpoint());
    }

    @Test
    void callsTheEndpointTheSettingsName() {
        CloudAccess access = withKeys("us-east-1", Optional.of("http://127.0.0.1:4566/"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566/")), access.endpointOverride());
        assertEquals("http://127.0.0.1:4566/", access.endpoint());
    }

    @Test
    void refusesAwsChinaRegionsWithTheReason() {
        CloudSettingsException refused = assertThrows(CloudSettingsException.class,
                () -> withKeys("cn-north-1", Optional.empty()));
        assertTrue(refused.getMessage().contains("AWS China regions are not supported for bursting"),
                refused.getMessage());
    }

    @Test
    void refusesWhatIsNoRegionName() {
        CloudSettingsException refused = assertThrows(CloudSettingsException.class,
                () -> withKeys("Frankfurt", Optional.empty()));
        assertTrue(refused.getMessage().contains("is not an AWS region name"), refused.getMessage());
    }

    @Test
    void takesTheAccessKeyAndItsSecret() {
        CloudAccess.AccessKey key = assertInstanceOf(CloudAccess.AccessKey.class,
                withKeys("us-east-1", Optional.empty()).credentials());
        assertEquals("AKIAEXAMPLE", key.accessKeyId());
        assertEquals("secret", key.secretAccessKey());
        assertFalse(withKeys("us-east-1", Optional.empty()).toString().contains("secret"), "the secret is not shown");
    }

    @Test
    void takesTheInstanceRoleWhenTheSettingsSaySo() {
        CloudAccess access = CloudAccess.of(settings("us-east-1", Optional.empty(), Optional.empty(), true),
                Optional.empty(), "mgmt");
        assertInstanceOf(CloudAccess.InstanceRole.class, access.credentials());
    }

    @Test
    void refusesToCallWithoutCredentials() {
        CloudSettingsException refused = assertThrows(CloudSettingsException.class, () -> CloudAccess.of(
                settings("us-east-1", Optional.empty(), Optional.of("AKIAEXAMPLE"), false), Optional.empty(), "mgmt"));
        assertTrue(refused.getMessage().contains("aws_secret_key"), refused.getMessage());
    }
}
