package dev.confab.installer.answers;

import dev.confab.installer.InstallerException;

import java.util.List;
import java.util.stream.Collectors;

/** Answers that failed validation; every error is listed, one per line. */
public final class InvalidAnswersException extends InstallerException {

    private final List<AnswerError> errors;

    public InvalidAnswersException(List<AnswerError> errors) {
        super("The installation answers are not valid; nothing was changed:\n" + errors.stream()
                .map(error -> "  " + error).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<AnswerError> errors() {
        return errors;
    }
}
