package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

/** The SNMP settings a Conferencing Node and the Management Node both have, and their rule. */
final class SnmpFields {

    static final String STANDARD = "STANDARD";
    static final String AUTHPRIV = "AUTHPRIV";

    private SnmpFields() {
    }

    /** Adds the SNMP fields to {@code builder}; {@code node} names the node, e.g. "this Conferencing Node". */
    static ResourceSpec.Builder addTo(ResourceSpec.Builder builder, String node) {
        return builder
                .field(FieldSpec.string("snmp_mode").defaultValue("DISABLED").choices("DISABLED", STANDARD, AUTHPRIV)
                        .help(StoredOnly.help("SNMP on " + node + ": DISABLED, STANDARD (SNMPv2c, read-only with the"
                                + " community) or AUTHPRIV (SNMPv3 with authentication and privacy).")))
                .field(FieldSpec.string("snmp_community").defaultValue("public").maxLength(16)
                        .help(StoredOnly.help("SNMPv2c community, needed in STANDARD mode.")))
                .field(FieldSpec.string("snmp_username").maxLength(100)
                        .help(StoredOnly.help("SNMPv3 user name, needed in AUTHPRIV mode.")))
                .field(FieldSpec.string("snmp_authentication_password").nullable().minLength(8).maxLength(100)
                        .secret(FieldSpec.Secret.SEALED)
                        .help(StoredOnly.help("SNMPv3 authentication password, 8 to 100 characters, needed in"
                                + " AUTHPRIV mode (write-only; kept encrypted).")))
                .field(FieldSpec.string("snmp_privacy_password").nullable().minLength(8).maxLength(100)
                        .secret(FieldSpec.Secret.SEALED)
                        .help(StoredOnly.help("SNMPv3 privacy password, 8 to 100 characters, needed in AUTHPRIV mode"
                                + " (write-only; kept encrypted).")))
                .field(FieldSpec.string("snmp_system_contact").defaultValue("admin@domain.com").maxLength(70)
                        .help(StoredOnly.help("SNMP sysContact of " + node + ".")))
                .field(FieldSpec.string("snmp_system_location").defaultValue("Virtual machine").maxLength(70)
                        .help(StoredOnly.help("SNMP sysLocation of " + node + ".")));
    }

    /** Each mode's settings are there: the community for STANDARD; user and both passwords for AUTHPRIV. */
    static void check(Candidate node, FieldErrors errors) {
        String mode = node.text("snmp_mode");
        if (mode.equals(STANDARD) && node.text("snmp_community").isEmpty()) {
            errors.add("snmp_community", "SNMP in STANDARD mode needs a community.");
        }
        if (mode.equals(AUTHPRIV)) {
            for (String field : new String[] {"snmp_username", "snmp_authentication_password", "snmp_privacy_password"}) {
                if (node.text(field).isEmpty()) {
                    errors.add(field, "SNMP in AUTHPRIV mode needs " + field + ".");
                }
            }
        }
    }
}
