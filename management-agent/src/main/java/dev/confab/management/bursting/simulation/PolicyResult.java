package dev.confab.management.bursting.simulation;

import java.util.Map;

/**
 * What one policy did over a trace. Immutable.
 *
 * @param rejectedCalls         calls no node of their location or its overflow locations had room for
 * @param overflowedCallMinutes minutes of the calls placed outside the location that received them
 * @param instanceHours         overflow nodes' hours from each StartInstances to its StopInstances
 *                              (or the end of the trace), all locations together
 * @param instanceHoursByLocation the same per overflow location
 * @param billedHours           the hours EC2 bills: running time per start, rounded as the billing says
 * @param cost                  billed hours × the price per hour, in dollars
 * @param decisions             how often the policy was asked
 */
public record PolicyResult(String name, long calls, long rejectedCalls, double overflowedCallMinutes,
                           double instanceHours, Map<String, Double> instanceHoursByLocation, long starts, long stops,
                           double billedHours, double cost, long decisions) {

    public PolicyResult {
        instanceHoursByLocation = Map.copyOf(instanceHoursByLocation);
    }
}
