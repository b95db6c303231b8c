package dev.confab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    private final PatternLayoutEncoder text = new PatternLayoutEncoder();

    LogFormatTest() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        text.setContext(context);
        text.setPattern("%level %msg%n");
        text.start();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(text);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Test
    void jsonEncodesEachEventAsOneLineWithTheFormattedMessageAndTheProcessFields() throws Exception {
        LogFormat.JSON.apply(context);
        context.putProperty("node", "conf01.example.com");
        context.putProperty("revision", "42");

        Encoder<ILoggingEvent> encoder = appender.getEncoder();
        assertInstanceOf(JsonEncoder.class, encoder);
        String first = encode(encoder, Level.INFO, "Applied configuration revision {}", 42);
        String second = encode(encoder, Level.WARN, "second\nline");

        assertEquals(1, first.lines().count(), first);
        JsonNode event = new ObjectMapper().readTree(first);
        assertEquals("INFO", event.path("level").asText());
        assertEquals("dev.confab.Example", event.path("loggerName").asText());
        assertEquals("Applied configuration revision 42", event.path("formattedMessage").asText());
        assertEquals("conf01.example.com", event.path("context").path("properties").path("node").asText());
        assertEquals("42", event.path("context").path("properties").path("revision").asText());
        assertEquals(1, second.lines().count(), "a line break in a message stays inside its JSON string: " + second);
        assertEquals("second\nline", new ObjectMapper().readTree(second).path("formattedMessage").asText());
    }

    @Test
    void textLeavesTheConfiguredEncoderAsItIs() {
        LogFormat.TEXT.apply(context);

        assertSame(text, appender.getEncoder());
    }

    @Test
    void everyCommandTakesTheOptionAndRefusesAnUnknownFormatByName() {
        CommandLine line = ConfabMain.commandLine();
        for (CommandLine command : line.getSubcommands().values()) {
            assertNotNull(command.getCommandSpec().findOption("--log-format"),
                    command.getCommandName() + " takes --log-format");
        }
        CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
                () -> line.parseArgs("management-agent", "--log-format", "xml"));
        assertTrue(refused.getMessage().contains("'xml' is not a log format: use text or json"), refused.getMessage());
    }

    private String encode(Encoder<ILoggingEvent> encoder, Level level, String message, Object... arguments) {
        Logger logger = context.getLogger("dev.confab.Example");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, null, arguments);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
