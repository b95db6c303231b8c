package dev.confab.management.resource.engine;

/**
 * One committed configuration change, as listeners of {@link ConfigurationService#onChange} are told
 * of it: the revision it made, the resource and object it touched, and the action ({@code created},
 * {@code updated} or {@code deleted}).
 */
public record ConfigurationChange(long revision, String resource, long objectId, String action) {

    /** Whether the change touched one of {@code resources}. */
    public boolean touches(String... resources) {
        for (String name : resources) {
            if (name.equals(resource)) {
                return true;
            }
        }
        return false;
    }

    /** Whether it deleted an object of {@code name}. */
    public boolean deleted(String name) {
        return resource.equals(name) && action.equals("deleted");
    }
}
