package dev.confab.installer.wizard;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks questions on a terminal: each shows its current value as the default (taken on Enter),
 * checks the answer, and on a wrong one says what is wrong and asks again. Ctrl-C throws
 * {@link org.jline.reader.UserInterruptException} and Ctrl-D {@link org.jline.reader.EndOfFileException}
 * from any question. Not thread-safe: one terminal, one conversation.
 */
public final class Prompter {

    private static final char NO_ECHO = 0;

    private final LineReader reader;
    private final PrintWriter out;

    public Prompter(Terminal terminal) {
        // no history: answers include passwords
        this.reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.DISABLE_HISTORY, true).build();
        this.out = terminal.writer();
    }

    public void say(String text) {
        out.println(text);
        out.flush();
    }

    /** Asks until {@code check} accepts the answer (empty = accepted); Enter takes {@code current}. */
    public String ask(String question, String current, Function<String, Optional<String>> check) {
        while (true) {
            String shown = current == null || current.isEmpty() ? "" : " [" + current + "]";
            String answer = reader.readLine(question + shown + ": ").strip();
            if (answer.isEmpty() && current != null) {
                answer = current;
            }
            Optional<String> problem = answer.isEmpty() ? Optional.of("An answer is required.") : check.apply(answer);
            if (problem.isEmpty()) {
                return answer;
            }
            say("  " + problem.get());
        }
    }

    /** Asks yes or no; Enter takes {@code current}. */
    public boolean yesNo(String question, boolean current) {
        String answer = ask(question + " (yes/no)", current ? "yes" : "no", text -> switch (text.toLowerCase()) {
            case "y", "yes", "n", "no" -> Optional.empty();
            default -> Optional.of("Answer yes or no.");
        });
        return answer.toLowerCase().startsWith("y");
    }

    /** Reads a password without echoing it. */
    public char[] secret(String prompt) {
        return reader.readLine(prompt, NO_ECHO).toCharArray();
    }
}
