package dev.confab.launcher;

/**
 * A command that a module on the class path adds to {@code confab}, beside the agents and the
 * installer, which the launcher always has. {@link ConfabMain} finds every provider with
 * {@link java.util.ServiceLoader}: a module registers its provider in
 * {@code META-INF/services/dev.confab.launcher.ConfabCommandProvider}. This is how the repository's
 * {@code ./confab}, which runs with {@code local-cloud} on its class path, has {@code confab demo},
 * while the appliance's launcher, without it, has not. Implementations need a public no-argument
 * constructor.
 */
public interface ConfabCommandProvider {

    /** A new picocli command object (a class annotated with {@code @Command}, which names it). */
    Object command();
}
