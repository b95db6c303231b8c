/**
 * IPv4 addresses, masks, subnets and the gateway rule every part of Confab applies: a gateway lies
 * inside the host's subnet, except on a /32, which takes any gateway and reaches it on the link
 * (the point-to-point networks of cloud providers). Also the syntax of IPv6 text. Pure and
 * dependency-free: no name resolution, no {@code java.net} lookups.
 */
package dev.confab.shared.net;
