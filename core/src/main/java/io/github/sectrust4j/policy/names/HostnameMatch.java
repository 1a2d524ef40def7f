package io.github.sectrust4j.policy.names;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Result of {@link HostnameMatcher#match}, with the evidence a {@code SSLHostname} finding needs
 * (spec §3).
 *
 * @param matched whether the reference host matched a presented name
 * @param rules the rule set applied
 * @param reference the reference host as passed by the caller
 * @param normalizedReference the reference as compared (one trailing dot removed under the label
 *     rules, §3.3 step 1)
 * @param referenceIsIpLiteral whether the reference parsed as an IP literal (§3.4)
 * @param presentedNames every presented name, in the order considered, with why it was not compared
 *     when it was not (dropped by the DNS filter §3.2, unreadable, or a CN the rules do not consult)
 * @param matchedName the presented name that matched, if any
 * @param commonNameConsulted whether subject CNs were compared (CN fallback, §3.6)
 * @param wildcardsRefusedAsPublicSuffix wildcard names that would have matched but sit directly
 *     under a public suffix of the ICANN section (§3.3, §15.2)
 */
public record HostnameMatch(
        boolean matched,
        HostnameRules rules,
        String reference,
        String normalizedReference,
        boolean referenceIsIpLiteral,
        List<PresentedName> presentedNames,
        Optional<PresentedName> matchedName,
        boolean commonNameConsulted,
        List<String> wildcardsRefusedAsPublicSuffix) {

    /** Where a presented name came from. */
    public enum Source {
        SAN_DNS_NAME,
        SAN_IP_ADDRESS,
        SUBJECT_COMMON_NAME
    }

    /**
     * One presented name.
     *
     * @param source where it came from
     * @param value the name (an IP address in its textual rendering, or hex if malformed)
     * @param notCompared why it was not compared with the reference; empty when it was compared
     */
    public record PresentedName(Source source, String value, Optional<PresentedNameDefect> notCompared) {
        /** Whether the name was compared with the reference host. */
        public boolean compared() {
            return notCompared.isEmpty();
        }
    }

    public HostnameMatch {
        presentedNames = List.copyOf(presentedNames);
        wildcardsRefusedAsPublicSuffix = List.copyOf(wildcardsRefusedAsPublicSuffix);
    }

    /** The names that were compared with the reference. */
    public List<String> comparedNames() {
        return presentedNames.stream()
                .filter(PresentedName::compared)
                .map(PresentedName::value)
                .collect(Collectors.toList());
    }

    /** The names dropped before comparison, with the reason. */
    public List<PresentedName> droppedNames() {
        return presentedNames.stream().filter(n -> !n.compared()).collect(Collectors.toList());
    }

    /**
     * One sentence for a finding, e.g. {@code host sip.contoso.com is not among the SAN names [a, b];
     * CN ignored since iOS 13}.
     */
    public String explain() {
        StringBuilder sb = new StringBuilder("host ").append(reference);
        if (matched) {
            PresentedName m = matchedName.orElseThrow();
            sb.append(" matches ").append(describe(m.source())).append(' ').append(m.value());
            return sb.toString();
        }
        List<String> compared = comparedNames();
        if (compared.isEmpty()) {
            sb.append(" cannot match: the certificate presents no usable ")
                    .append(
                            rules.commonNameFallback()
                                    ? "SAN dNSName, CN or SAN iPAddress"
                                    : "SAN dNSName or iPAddress");
        } else {
            sb.append(" is not among the ");
            sb.append(commonNameConsulted ? "presented names " : "SAN names ").append(compared);
        }
        for (PresentedName n : droppedNames()) {
            sb.append("; ")
                    .append(describe(n.source()))
                    .append(' ')
                    .append(n.value())
                    .append(" not used: ")
                    .append(n.notCompared().orElseThrow().explanation());
        }
        for (String w : wildcardsRefusedAsPublicSuffix) {
            sb.append("; wildcard ").append(w).append(" refused: it covers a public suffix");
        }
        return sb.toString();
    }

    private static String describe(Source s) {
        switch (s) {
            case SAN_DNS_NAME:
                return "SAN dNSName";
            case SAN_IP_ADDRESS:
                return "SAN iPAddress";
            default:
                return "subject CN";
        }
    }
}
