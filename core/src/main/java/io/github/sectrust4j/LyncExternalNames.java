package io.github.sectrust4j;

import java.util.List;

/**
 * The external names a Lync / Skype for Business edge certificate must carry, from the admin guide's SAN
 * table ("Required SAN Entries for Lync 2010 External Access"): Access Edge {@code sip.}, Web Conferencing
 * Edge {@code webconf.}, A/V Edge {@code av.}, reverse proxy (external web services) {@code lyncweb.} and
 * mobile autodiscover {@code lyncdiscover.} of the SIP domain.
 */
public final class LyncExternalNames {
    /** The first labels of the guide's table, in its order. */
    public static final List<String> PREFIXES = List.of("sip", "webconf", "av", "lyncweb", "lyncdiscover");

    private LyncExternalNames() {}

    /**
     * The five names for a SIP domain ({@code contoso.com} → {@code sip.contoso.com}, …).
     *
     * @throws InvalidHostNameException when the domain is not a bare DNS name (IP literals and URLs included)
     */
    public static List<HostName> of(String sipDomain) {
        HostName domain = HostName.parse(sipDomain);
        if (domain.isIpLiteral()) {
            throw new InvalidHostNameException(
                    sipDomain,
                    "'" + sipDomain + "' is an IP literal, not a SIP domain " + "such as contoso.com",
                    List.of());
        }
        if (domain.fromUrl()) {
            throw new InvalidHostNameException(
                    sipDomain,
                    "'" + sipDomain + "' is a URL, not a SIP domain: give '" + domain.value() + "'",
                    List.of(domain.value()));
        }
        String d = domain.value().endsWith(".")
                ? domain.value().substring(0, domain.value().length() - 1)
                : domain.value();
        return PREFIXES.stream().map(p -> HostName.parse(p + "." + d)).toList();
    }
}
