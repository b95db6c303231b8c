package dev.confab.management.cloud.template;

import dev.confab.management.ManagementException;

/** A template that cannot be made as asked; the message says what to change. */
public final class TemplateException extends ManagementException {

    public TemplateException(String message) {
        super(message);
    }
}
