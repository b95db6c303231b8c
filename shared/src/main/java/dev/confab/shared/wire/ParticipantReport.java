package dev.confab.shared.wire;

/**
 * One call as the node that signals it reports it (in its heartbeats) and as the Management Node
 * answers it back (the participants of a conference). Names are the Management API's: nodes and
 * locations by name, the call type by its wire name ({@code full_hd}, {@code hd}, {@code sd},
 * {@code audio}), times ISO-8601 UTC.
 *
 * @param uuid            the participant's id
 * @param displayName     as the caller gave it
 * @param alias           the alias dialled
 * @param conference      the conference's name
 * @param serviceType     {@code conference} (Virtual Meeting Room) or {@code lecture} (Virtual Auditorium)
 * @param role            {@code HOST} or {@code GUEST}
 * @param callType        the call type admitted
 * @param signallingNode  the node that received the call and holds its token
 * @param mediaNode       the node whose capacity the call takes; empty until placed
 * @param systemLocation  the media node's location; empty until placed
 * @param connectTime     when the call was admitted
 * @param placed          whether its media capacity is reserved; false while the node places it
 */
public record ParticipantReport(String uuid, String displayName, String alias, String conference, String serviceType,
                                String role, String callType, String signallingNode, String mediaNode,
                                String systemLocation, String connectTime, boolean placed) {
}
