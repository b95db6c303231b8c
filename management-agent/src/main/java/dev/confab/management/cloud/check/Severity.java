package dev.confab.management.cloud.check;

/** How much a finding matters: an error fails {@code confab aws-check}; warnings and information do not. */
public enum Severity {
    /** The deployment does not work as the guide's, or is open where it must not be. */
    ERROR,
    /** It works, but not as the guide has it: slower, or open wider than it needs. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
