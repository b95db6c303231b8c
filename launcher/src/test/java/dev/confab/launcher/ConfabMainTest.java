package dev.confab.launcher;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfabMainTest {

    @Test
    void dispatchesToTheCommandsTheClassPathProvidesThenToTheAgentsTheInstallerTheAwsCommandsAndTheSimulator() {
        // this module's tests register one provider (META-INF/services): the command it adds
        assertEquals(List.of(ExampleCommandProvider.NAME, "management-agent", "conferencing-agent", "installer",
                        "aws-template", "aws-check", "simulate"),
                List.copyOf(ConfabMain.commandLine().getSubcommands().keySet()));
    }

    @Test
    void runsAProvidedCommandAndListsItInTheHelp() {
        CommandLine line = ConfabMain.commandLine();
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out));

        assertEquals(ExampleCommandProvider.EXIT_CODE, line.execute(ExampleCommandProvider.NAME));
        assertEquals(0, line.execute("--help"));
        assertTrue(out.toString().contains("  " + ExampleCommandProvider.NAME + " "), out.toString());
    }

    @Test
    void eachCommandExplainsItself() {
        for (String command : List.of("management-agent", "conferencing-agent", "installer", "aws-template", "aws-check")) {
            CommandLine line = ConfabMain.commandLine();
            StringWriter out = new StringWriter();
            line.setOut(new PrintWriter(out));

            assertEquals(0, line.execute(command, "--help"), command);
            assertTrue(out.toString().startsWith("Usage: confab " + command + " "), out.toString());
        }
    }
}
