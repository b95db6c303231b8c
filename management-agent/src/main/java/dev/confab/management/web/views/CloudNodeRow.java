package dev.confab.management.web.views;

/**
 * One overflow node's row on Status › Cloud Bursting, as bursting's last run found it. Immutable.
 *
 * @param startable whether its instance is stopped, so that the page offers a Start button
 */
public record CloudNodeRow(String instanceId, String instanceName, String node, String location, String state,
                           String privateIp, String publicIp, String runningSince, String load, boolean startable) {
}
