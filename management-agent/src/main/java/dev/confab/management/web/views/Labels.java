package dev.confab.management.web.views;

import java.util.Locale;
import java.util.Map;

/** Human labels for API field names: {@code system_location} → "System location", {@code ipv6_gateway} → "IPv6 gateway". */
public final class Labels {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("ipv6", "IPv6"), Map.entry("ipv4", "IPv4"), Map.entry("tls", "TLS"), Map.entry("sip", "SIP"),
            Map.entry("ssh", "SSH"), Map.entry("mtu", "MTU"), Map.entry("aws", "AWS"), Map.entry("vm", "VM"),
            Map.entry("dns", "DNS"), Map.entry("ntp", "NTP"), Map.entry("pin", "PIN"), Map.entry("fqdn", "FQDN"),
            Map.entry("id", "ID"), Map.entry("nat", "NAT"), Map.entry("cpu", "CPU"), Map.entry("hd", "HD"),
            Map.entry("url", "URL"), Map.entry("workervm", "node"), Map.entry("no", "number"),
            Map.entry("location1", "location 1"), Map.entry("location2", "location 2"), Map.entry("qos", "QoS"),
            Map.entry("snmp", "SNMP"), Map.entry("mssip", "Microsoft SIP"), Map.entry("http", "HTTP"),
            Map.entry("h323", "H.323"), Map.entry("stun", "STUN"), Map.entry("turn", "TURN"),
            Map.entry("uuid", "UUID"), Map.entry("gcp", "GCP"), Map.entry("azure", "Azure"),
            Map.entry("tcp", "TCP"), Map.entry("udp", "UDP"), Map.entry("keytype", "key type"));

    private Labels() {
    }

    public static String of(String field) {
        StringBuilder label = new StringBuilder();
        for (String word : field.split("_")) {
            if (!label.isEmpty()) {
                label.append(' ');
            }
            label.append(WORDS.getOrDefault(word, word));
        }
        String text = label.toString();
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
