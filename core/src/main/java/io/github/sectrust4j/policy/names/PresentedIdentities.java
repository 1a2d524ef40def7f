package io.github.sectrust4j.policy.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names a leaf certificate presents for host-name matching (spec §3.1), as plain values already
 * extracted from the certificate by the caller.
 *
 * @param sanDnsNames SAN dNSName entries, decoded (in certificate order)
 * @param sanDnsNamesUndecodable true when an entry was not valid UTF-8, which aborts SAN parsing so
 *     that no dNSName is used at all (§3.1 step 1); {@code sanDnsNames} is then ignored
 * @param sanIpAddresses SAN iPAddress entries as raw octets (4 or 16 bytes when well-formed)
 * @param subjectCommonNames the subject's CN attribute values (only consulted before iOS 13, §3.6)
 */
public record PresentedIdentities(
        List<String> sanDnsNames,
        boolean sanDnsNamesUndecodable,
        List<byte[]> sanIpAddresses,
        List<String> subjectCommonNames) {

    public PresentedIdentities {
        sanDnsNames = copyNonNull(sanDnsNames);
        subjectCommonNames = copyNonNull(subjectCommonNames);
        List<byte[]> ips = new ArrayList<>();
        if (sanIpAddresses != null) {
            for (byte[] ip : sanIpAddresses) {
                if (ip != null) {
                    ips.add(ip.clone());
                }
            }
        }
        sanIpAddresses = Collections.unmodifiableList(ips);
    }

    /** Only SAN dNSNames. */
    public static PresentedIdentities ofDnsNames(List<String> sanDnsNames) {
        return new PresentedIdentities(sanDnsNames, false, List.of(), List.of());
    }

    /** SAN iPAddress entries are returned as copies, so the record stays immutable. */
    @Override
    public List<byte[]> sanIpAddresses() {
        List<byte[]> copy = new ArrayList<>(sanIpAddresses.size());
        for (byte[] ip : sanIpAddresses) {
            copy.add(ip.clone());
        }
        return Collections.unmodifiableList(copy);
    }

    /** The entries themselves, for the matcher in this package, which only reads them (no copy per match). */
    List<byte[]> rawSanIpAddresses() {
        return sanIpAddresses;
    }

    private static List<String> copyNonNull(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }
}
