package dev.confab.management.calls;

/** The platform's licences in use and installed, for {@code status/licensing}. Implementations are thread-safe. */
@FunctionalInterface
public interface Licensing {

    /** The counts now. */
    LicensingStatus licensing();
}
