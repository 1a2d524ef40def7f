package io.github.sectrust4j.cert;

import java.util.List;

/**
 * subjectAltName, decoded once. DNS names are decoded as UTF-8; if any entry is not valid UTF-8,
 * {@code dnsNamesValidUtf8} is false (§3.1: such an entry aborts SAN DNS parsing — the hostname
 * matcher decides what that means). iPAddress entries are kept raw; {@code ipAddressLengthsValid}
 * is false if any has a length other than 4 or 16.
 */
public record SubjectAltName(
        boolean critical,
        List<String> dnsNames,
        boolean dnsNamesValidUtf8,
        List<byte[]> ipAddresses,
        boolean ipAddressLengthsValid,
        List<String> rfc822Names,
        List<String> uris,
        List<DistinguishedName> directoryNames,
        int otherNameCount,
        int otherFormsCount) {
    public SubjectAltName {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = ipAddresses.isEmpty()
                ? List.of()
                : ipAddresses.stream().map(byte[]::clone).toList();
        rfc822Names = List.copyOf(rfc822Names);
        uris = List.copyOf(uris);
        directoryNames = List.copyOf(directoryNames);
    }

    /** iPAddress entries (copies). */
    @Override
    public List<byte[]> ipAddresses() {
        if (ipAddresses.isEmpty()) {
            return java.util.Collections.emptyList(); // nothing to copy: most server certificates carry no iPAddress
        }
        return ipAddresses.stream().map(byte[]::clone).toList();
    }

    /** Total number of entries of every type. */
    public int size() {
        return dnsNames.size()
                + ipAddresses.size()
                + rfc822Names.size()
                + uris.size()
                + directoryNames.size()
                + otherNameCount
                + otherFormsCount;
    }
}
