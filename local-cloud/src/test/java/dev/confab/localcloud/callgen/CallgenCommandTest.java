package dev.confab.localcloud.callgen;

import dev.confab.launcher.ConfabMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallgenCommandTest {

    @TempDir
    Path dir;

    @Test
    void explainsItselfOnTheLaunchersCommandLine() {
        CommandLine line = ConfabMain.commandLine();
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out));

        assertEquals(0, line.execute("callgen", "--help"));
        assertTrue(out.toString().startsWith("Usage: confab callgen "), out.toString());
        for (String option : List.of("--alias", "--rate", "--duration", "--hold", "--mix", "--nodes", "--pin", "--ca",
                "--format")) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void refusesABadMixBeforeMakingAnyCall() {
        String error = run("--alias", "meet@demo", "--mix", "hd=70,video=30");

        assertTrue(error.contains("Invalid value for option '--mix': Invalid call mix 'hd=70,video=30': 'video' is not"
                + " a call type; the types are full_hd, hd, sd, audio."), error);
    }

    @Test
    void refusesABadHoldOrDurationSayingHowToWriteIt() {
        assertTrue(run("--alias", "a", "--hold", "exp:soon").contains("Invalid value for option '--hold': Invalid hold"
                + " time 'exp:soon': 'soon' is not a duration"));
        assertTrue(run("--alias", "a", "--duration", "10").contains("Invalid value for option '--duration': '10' is"
                + " not a duration: write a whole number and a unit (ms, s, m or h), e.g. 500ms, 30s, 5m or 1h."));
    }

    @Test
    void refusesARateOfZero() {
        assertTrue(run("--alias", "a", "--rate", "0", "--nodes", "https://127.0.1.1:4443")
                .contains("The rate must be more than 0"));
    }

    @Test
    void withoutNodesOrDemoItSaysToStartTheDemo() {
        String error = run("--alias", "meet@demo", "--access", dir.resolve("access.json").toString());

        assertTrue(error.contains(dir.resolve("access.json") + " does not exist: start ./confab demo first, or give the"
                + " nodes with --nodes https://HOST:PORT and their CA certificate with --ca FILE."), error);
    }

    @Test
    void takesTheDemosNodesByDefaultAndByNumber() throws Exception {
        Path access = demoAccess();

        assertEquals(List.of("https://127.0.1.1:4443", "https://127.0.1.2:4444"),
                plan("--alias", "meet@demo", "--access", access.toString()).nodes());
        assertEquals(List.of("https://127.0.1.2:4444", "https://10.0.0.5:443"),
                plan("--alias", "meet@demo", "--access", access.toString(), "--nodes", "2,https://10.0.0.5:443/")
                        .nodes());
    }

    @Test
    void refusesANodeThatIsNeitherAUrlNorADemoNode() throws Exception {
        Path access = demoAccess();

        assertTrue(assertThrows(CommandLine.ParameterException.class, () -> plan("--alias", "a", "--access",
                access.toString(), "--nodes", "3")).getMessage().contains("--nodes 3: the demo has nodes 1 to 2."));
        assertTrue(assertThrows(CommandLine.ParameterException.class, () -> plan("--alias", "a", "--nodes",
                "http://127.0.1.1:4443")).getMessage().contains("'http://127.0.1.1:4443' is neither a client API base"
                + " URL (https://HOST:PORT) nor the number of a demo node"));
    }

    @Test
    void aPlanCarriesEveryOption() {
        CallgenPlan plan = plan("--alias", "meet@demo", "--nodes", "https://127.0.1.1:4443", "--rate", "2.5",
                "--duration", "1m", "--hold", "uniform:10s-90s", "--mix", "hd=70,sd=20,audio=10", "--pin", "1234");

        assertEquals("meet@demo", plan.alias());
        assertEquals("1234", plan.pin());
        assertEquals(150L, plan.schedule().total().orElseThrow());
        assertEquals(Duration.ofMillis(400), plan.schedule().startOf(1));
        assertEquals("uniform:10s-90s", plan.hold().toString());
        assertEquals("hd=70,sd=20,audio=10", plan.mix().toString());
        assertEquals("https://127.0.1.1:4443", plan.nodeFor(7));
    }

    @Test
    void callsGoToTheNodesInTurn() {
        CallgenPlan plan = plan("--alias", "a", "--nodes", "https://127.0.1.1:1,https://127.0.1.2:2,https://127.0.1.3:3");

        assertEquals(List.of("https://127.0.1.1:1", "https://127.0.1.2:2", "https://127.0.1.3:3", "https://127.0.1.1:1"),
                List.of(plan.nodeFor(0), plan.nodeFor(1), plan.nodeFor(2), plan.nodeFor(3)));
    }

    @Test
    void refusesACaFileWithoutCertificateSayingWhatToGive() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        String error = run("--alias", "a", "--nodes", "https://127.0.1.1:4443", "--ca", empty.toString());
        assertTrue(error.contains("The CA certificate " + empty + " cannot be read (No certificate found"), error);
        assertTrue(error.contains("give the PEM file of the Management Node's CA with --ca."), error);
    }

    private Path demoAccess() throws Exception {
        return Files.writeString(dir.resolve("access.json"), """
                {"url": "https://127.0.0.1:8443/", "client_api": ["https://127.0.1.1:4443", "https://127.0.1.2:4444"],
                 "ca_certificate": "%s"}""".formatted(dir.resolve("ca.crt")));
    }

    private static CallgenPlan plan(String... arguments) {
        CallgenCommand command = new CallgenCommand();
        new CommandLine(command).parseArgs(arguments);
        return command.plan();
    }

    private static String run(String... arguments) {
        CommandLine line = new CommandLine(new CallgenCommand());
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));
        assertEquals(2, line.execute(arguments), err.toString());
        return err.toString();
    }
}
