package dev.confab.management.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bursting options of {@code confab management-agent}, as the settings they give. */
class ManagementAgentCommandTest {

    @TempDir
    Path data;

    private ManagementAgentCommand parsed(String... options) {
        ManagementAgentCommand command = new ManagementAgentCommand();
        String[] args = new String[options.length + 2];
        args[0] = "--data";
        args[1] = data.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutBurstingOptionsThePolicyTicksEveryTenSecondsWithTheGlobalMinimumLifetime() {
        var bursting = parsed().config().bursting();
        assertEquals(Duration.ofSeconds(10), bursting.tick());
        assertEquals(Optional.empty(), bursting.minLifetime());
    }

    @Test
    void theTickAndTheMinimumLifetimeAreGivenInSeconds() {
        var bursting = parsed("--bursting-tick-seconds", "2", "--bursting-min-lifetime-seconds", "15").config()
                .bursting();
        assertEquals(Duration.ofSeconds(2), bursting.tick());
        assertEquals(Optional.of(Duration.ofSeconds(15)), bursting.minLifetime());
    }

    @Test
    void aTickBelowOneSecondIsRefusedSayingSo() {
        CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
                () -> parsed("--bursting-tick-seconds", "0").config());
        assertEquals("--bursting-tick-seconds must be at least 1, not 0", refused.getMessage());
    }
}
