package dev.confab.management.cloud.check;

/**
 * One difference between the deployment and the guide. Immutable.
 *
 * @param resource what it concerns: an instance id, a security group id, a node's name, the region
 * @param problem  what is wrong, in one sentence
 * @param fix      what to do about it
 */
public record Finding(Severity severity, String resource, String problem, String fix) {

    static Finding error(String resource, String problem, String fix) {
        return new Finding(Severity.ERROR, resource, problem, fix);
    }

    static Finding warning(String resource, String problem, String fix) {
        return new Finding(Severity.WARNING, resource, problem, fix);
    }

    static Finding info(String resource, String problem, String fix) {
        return new Finding(Severity.INFO, resource, problem, fix);
    }
}
