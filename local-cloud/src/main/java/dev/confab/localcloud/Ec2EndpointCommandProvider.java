package dev.confab.localcloud;

import dev.confab.launcher.ConfabCommandProvider;

/** Adds {@code confab ec2-endpoint} to the launcher wherever {@code local-cloud} is on the class path. */
public final class Ec2EndpointCommandProvider implements ConfabCommandProvider {

    @Override
    public Object command() {
        return new Ec2EndpointCommand();
    }
}
