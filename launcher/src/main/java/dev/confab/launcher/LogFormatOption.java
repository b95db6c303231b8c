package dev.confab.launcher;

import picocli.CommandLine.Option;

/** The {@code --log-format} option the launcher adds to every long-running command. */
final class LogFormatOption {

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            converter = LogFormatOption.Converter.class,
            description = "Console log format: text (one readable line per event, the default) or json (one JSON"
                    + " object per line from logback's JsonEncoder, with the node name and configuration revision"
                    + " among the context properties).")
    void format(LogFormat format) {
        format.apply();
    }

    /** Reads {@code text} or {@code json}, in any case. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return LogFormat.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a log format: use text or json");
            }
        }
    }
}
