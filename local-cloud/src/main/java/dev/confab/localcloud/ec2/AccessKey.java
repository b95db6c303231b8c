package dev.confab.localcloud.ec2;

import java.util.Objects;
import java.util.Set;

/**
 * An access key the endpoint accepts: its id, its secret, and the actions it may call (empty: every
 * action), as an IAM policy would allow them. Immutable; {@link #toString()} leaves the secret out.
 */
public record AccessKey(String id, String secret, Set<String> actions) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        actions = Set.copyOf(actions);
    }

    /** A key that may call every action. */
    public static AccessKey allowingEverything(String id, String secret) {
        return new AccessKey(id, secret, Set.of());
    }

    /** Whether the key may call {@code action} (such as {@code StartInstances}). */
    public boolean allows(String action) {
        return actions.isEmpty() || actions.contains(action);
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + ", actions=" + (actions.isEmpty() ? "all" : actions) + "]";
    }
}
