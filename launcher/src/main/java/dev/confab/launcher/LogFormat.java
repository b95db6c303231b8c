package dev.confab.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.confab.shared.logging.LogFields;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * How a {@code confab} process writes its log to the console: {@link #TEXT}, one readable line per
 * event (the default, {@code logback.xml}), or {@link #JSON}, one JSON object per line from logback's
 * own {@link JsonEncoder}, for log pipelines. Either way every event carries the process's
 * {@link LogFields} (node name, configuration revision) as properties of the logger context.
 */
public enum LogFormat {
    TEXT, JSON;

    /** Passes {@link LogFields} to logback's context, so each event carries them. */
    static void installFields() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            LogFields.sink(context::putProperty);
        }
    }

    /**
     * Makes every appender of the root logger write this format from now on; {@link #TEXT} is what
     * {@code logback.xml} sets up, so it leaves the appenders as they are.
     */
    void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context);
        }
    }

    /** {@link #apply()} on {@code context}. */
    void apply(LoggerContext context) {
        if (this == TEXT) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                reencode(context, appender);
            }
        }
    }

    private static void reencode(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        Encoder<ILoggingEvent> encoder = json();
        encoder.setContext(context);
        encoder.start();
        // no stop and start: stopping an appender closes its stream
        appender.setEncoder(encoder);
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        return encoder;
    }
}
