package dev.confab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    LogFormatTest() {
        context.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Test
    void jsonWritesOneObjectPerEventWithTheFormattedMessageAndTheProcessFields() throws Exception {
        LogFormat.JSON.apply(context);
        context.putProperty("node", "conf01.example.com");
        context.putProperty("revision", "42");

        context.getLogger("dev.confab.Example").info("Applied configuration revision {}", 42);
        context.getLogger("dev.confab.Example").warn("second\nline");

        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "one line per event, even for a message with a line break: " + lines);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("INFO", first.path("level").asText());
        assertEquals("dev.confab.Example", first.path("loggerName").asText());
        assertEquals("Applied configuration revision 42", first.path("formattedMessage").asText());
        assertEquals("conf01.example.com", first.path("context").path("properties").path("node").asText());
        assertEquals("42", first.path("context").path("properties").path("revision").asText());
        assertEquals("second\nline", new ObjectMapper().readTree(lines.get(1)).path("formattedMessage").asText());
    }

    @Test
    void textLeavesTheConfiguredPatternAsItIs() {
        LogFormat.TEXT.apply(context);

        context.getLogger("dev.confab.Example").info("hello");

        assertEquals("INFO hello", written.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void everyCommandTakesTheOptionAndRefusesAnUnknownFormatByName() {
        CommandLine line = ConfabMain.commandLine();
        for (CommandLine command : line.getSubcommands().values()) {
            assertTrue(command.getCommandSpec().findOption("--log-format") != null,
                    command.getCommandName() + " takes --log-format");
        }
        CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
                () -> line.parseArgs("management-agent", "--log-format", "xml"));
        assertTrue(refused.getMessage().contains("'xml' is not a log format: use text or json"), refused.getMessage());
        assertFalse(refused.getMessage().isBlank());
    }
}
