package dev.confab.installer.answers;

/** One rejected answer: the {@code management_node_config} key it belongs to and what to fix. */
public record AnswerError(String key, String message) {

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
