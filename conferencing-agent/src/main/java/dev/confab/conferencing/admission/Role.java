package dev.confab.conferencing.admission;

/** A participant's role in a conference: a host, or a guest (who joins with the guest PIN, or none). */
public enum Role {
    HOST, GUEST
}
