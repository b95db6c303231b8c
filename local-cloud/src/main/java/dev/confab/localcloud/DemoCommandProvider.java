package dev.confab.localcloud;

import dev.confab.launcher.ConfabCommandProvider;

/** Adds {@code confab demo} to the launcher wherever {@code local-cloud} is on the class path (the repository's {@code ./confab}). */
public final class DemoCommandProvider implements ConfabCommandProvider {

    @Override
    public Object command() {
        return new DemoCommand();
    }
}
