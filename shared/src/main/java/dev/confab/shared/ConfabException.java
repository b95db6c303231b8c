package dev.confab.shared;

/**
 * Base of every Confab exception: the shared module's, and the roots of the agents' and the
 * installer's ({@code ConferencingException}, {@code InstallerException}). Unchecked: callers that cannot fix the cause
 * let it reach the one place that reports it. Each message says what is wrong and how to fix it,
 * so it can be shown to an operator as is.
 *
 * <p>Subclasses name the area that failed ({@code PkiException}, {@code CryptoException}).
 * Instances are immutable after construction and safe to share between threads.
 */
public abstract class ConfabException extends RuntimeException {

    protected ConfabException(String message) {
        super(message);
    }

    protected ConfabException(String message, Throwable cause) {
        super(message, cause);
    }
}
