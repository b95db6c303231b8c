package dev.confab.localcloud.callgen;

import dev.confab.launcher.ConfabCommandProvider;

/** Adds {@code confab callgen} to the launcher wherever {@code local-cloud} is on the class path (the repository's {@code ./confab}). */
public final class CallgenCommandProvider implements ConfabCommandProvider {

    @Override
    public Object command() {
        return new CallgenCommand();
    }
}
