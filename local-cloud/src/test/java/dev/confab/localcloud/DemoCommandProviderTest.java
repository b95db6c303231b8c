package dev.confab.localcloud;

import dev.confab.launcher.ConfabMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With this module on the class path, as {@code ./confab} runs, the launcher has {@code confab demo}, first as ever,
 * then {@code confab callgen} and {@code confab ec2-endpoint}. */
class DemoCommandProviderTest {

    @Test
    void theLauncherListsTheDemoFirstThenCallgenAndTheEndpoint() {
        assertEquals(List.of("demo", "callgen", "ec2-endpoint", "management-agent", "conferencing-agent", "installer", "aws-template",
                "aws-check", "simulate"),
                List.copyOf(ConfabMain.commandLine().getSubcommands().keySet()));
    }

    @Test
    void theDemoExplainsItself() {
        CommandLine line = ConfabMain.commandLine();
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out));

        assertEquals(0, line.execute("demo", "--help"));
        assertTrue(out.toString().startsWith("Usage: confab demo "), out.toString());
    }
}
