package dev.confab.shared.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/** Subject names and subject alternative names: checking what callers pass and reading what certificates hold. */
final class Names {

    private static final int MAX_COMMON_NAME = 64;
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private Names() {
    }

    static X500Name commonName(String commonName) {
        if (commonName == null || commonName.isBlank() || commonName.length() > MAX_COMMON_NAME) {
            throw new PkiException("A certificate's common name must be 1 to " + MAX_COMMON_NAME
                    + " characters, such as the node's FQDN; got '" + commonName + "'.");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** The common name in {@code name}, or an empty string when it has none. */
    static String commonNameOf(X500Name name) {
        RDN[] commonNames = name.getRDNs(BCStyle.CN);
        return commonNames.length == 0 ? "" : IETFUtils.valueToString(commonNames[0].getFirst().getValue());
    }

    /** IP literals become iPAddress names, everything else must be a DNS name (a leading "*." is allowed). */
    static GeneralNames subjectAltNames(List<String> values) {
        List<GeneralName> names = new ArrayList<>();
        for (String value : values) {
            names.add(isIpLiteral(value)
                    ? new GeneralName(GeneralName.iPAddress, value)
                    : new GeneralName(GeneralName.dNSName, dnsName(value)));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** DNS names as written and IP addresses as Java formats them; other kinds of name are left out. */
    static List<String> values(GeneralNames names) {
        List<String> values = new ArrayList<>();
        for (GeneralName name : names == null ? new GeneralName[0] : names.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
                values.add(((ASN1String) name.getName()).getString());
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                if (octets.length == 4 || octets.length == 16) {
                    values.add(ipAddress(octets));
                }
            }
        }
        return List.copyOf(values);
    }

    static boolean isIpLiteral(String value) {
        return value != null && IPAddress.isValid(value);
    }

    private static String dnsName(String value) {
        String lowerCase = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (lowerCase.length() > 253 || !DNS_NAME.matcher(lowerCase).matches()) {
            throw new PkiException("'" + value + "' is neither a DNS name (such as conf01.example.com or"
                    + " *.example.com) nor an IPv4 or IPv6 address; correct it in the certificate's names.");
        }
        return lowerCase;
    }

    private static String ipAddress(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
    }
}
