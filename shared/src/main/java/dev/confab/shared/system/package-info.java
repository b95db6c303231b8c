/**
 * The operating-system files both appliances render: host name, hosts, the systemd-networkd unit
 * (with the /32 on-link rule of {@link dev.confab.shared.net}) and the timesyncd drop-in. Pure
 * functions of typed values; the installer and the Conferencing Node agent each map their own
 * settings onto them and choose the paths that differ.
 */
package dev.confab.shared.system;
