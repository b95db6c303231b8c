package dev.confab.installer.answers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswersJsonTest {

    static final String USER_DATA = """
            {"management_node_config": {"hostname": "mgmt", "domain": "example.com", "ip": "10.0.0.10",
             "mask": "255.255.255.0", "gw": "10.0.0.1", "dns": "10.0.0.2, 10.0.0.3", "ntp": ["169.254.169.123"],
             "user": "admin", "pass": "pbkdf2_sha256$1000$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
             "error_reports": false, "enable_analytics": true}}
            """;

    @Test
    void readsUserDataWithCommaSeparatedAndArrayLists() {
        Answers answers = AnswersJson.parse(USER_DATA);

        assertEquals("mgmt.example.com", answers.fqdn());
        assertEquals(List.of("10.0.0.2", "10.0.0.3"), answers.dns());
        assertEquals(List.of("169.254.169.123"), answers.ntp());
        assertTrue(answers.enableAnalytics());
        assertFalse(answers.errorReports());
        assertEquals(null, answers.adminPassword());
    }

    @Test
    void writesWhatItReads() {
        Answers answers = AnswersJson.parse(USER_DATA);

        assertEquals(answers, AnswersJson.parse(AnswersJson.write(AnswersJson.toObject(answers))));
    }

    @Test
    void listsEveryMissingUnknownAndMistypedKey() {
        InvalidAnswersException thrown = assertThrows(InvalidAnswersException.class, () -> AnswersJson.parse(
                "{\"hostname\": 5, \"domain\": \"example.com\", \"error_reports\": \"yes\", \"colour\": \"blue\"}"));

        List<String> keys = thrown.errors().stream().map(AnswerError::key).toList();
        assertTrue(keys.containsAll(List.of("colour", "ip", "mask", "gw", "dns", "ntp", "user", "pass", "hostname",
                "error_reports")), keys.toString());
        assertFalse(keys.contains("domain"));
    }

    @Test
    void rejectsTextThatIsNotJson() {
        InvalidAnswersException thrown = assertThrows(InvalidAnswersException.class, () -> AnswersJson.parse("ip=1"));

        assertEquals("json", thrown.errors().get(0).key());
    }

    @Test
    void tellsUserDataThatHoldsAManagementConfigFromOtherUserData() {
        assertTrue(AnswersJson.holdsManagementConfig(USER_DATA));
        assertFalse(AnswersJson.holdsManagementConfig("#!/bin/sh\necho hello\n"));
        assertFalse(AnswersJson.holdsManagementConfig("{\"conferencing_node_config\": \"<xml/>\"}"));
    }
}
