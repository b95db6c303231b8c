package dev.confab.management.resource.engine;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * One reaction to committed configuration changes: the changes it depends on, and what it does
 * then. The Management Node wires every reaction in one table ({@code ManagementAgent.reactions});
 * components only offer the plain method a reaction calls. Immutable.
 */
public record Reaction(String name, Predicate<ConfigurationChange> dependsOn, Consumer<ConfigurationChange> action)
        implements Consumer<ConfigurationChange> {

    /** Runs {@code action} after every committed change. */
    public static Reaction toEvery(String name, Runnable action) {
        return new Reaction(name, change -> true, change -> action.run());
    }

    /** Runs {@code action} after each change to an object of one of {@code resources}. */
    public static Reaction to(String name, Set<String> resources, Runnable action) {
        return new Reaction(name, change -> resources.contains(change.resource()), change -> action.run());
    }

    /** Runs {@code action} with the id of each changed (created, updated or deleted) object of {@code resource}. */
    public static Reaction toObjectsOf(String name, String resource, LongConsumer action) {
        return new Reaction(name, change -> change.touches(resource), change -> action.accept(change.objectId()));
    }

    /** Runs {@code action} with the id of each deleted object of {@code resource}. */
    public static Reaction toDeletionOf(String name, String resource, LongConsumer action) {
        return new Reaction(name, change -> change.deleted(resource), change -> action.accept(change.objectId()));
    }

    @Override
    public void accept(ConfigurationChange change) {
        if (dependsOn.test(change)) {
            action.accept(change);
        }
    }
}
