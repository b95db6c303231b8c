package dev.confab.shared.ipsec;

/**
 * When a tunnel comes up.
 *
 * <ul>
 * <li>{@link #TRAP}: on demand, when the first packet for the peer leaves (kernel ESP, as on an
 * appliance); after a peer's restart or dead-peer detection the trap is put back.</li>
 * <li>{@link #START}: as soon as the configuration is loaded, retried until it succeeds. For
 * strongSwan's userspace backend (kernel-libipsec), which drops packets without an SA instead of
 * asking charon for one, so traffic alone never brings a tunnel up.</li>
 * </ul>
 */
public enum StartAction {
    TRAP,
    START
}
