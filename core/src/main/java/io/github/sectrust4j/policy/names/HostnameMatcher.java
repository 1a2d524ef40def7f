package io.github.sectrust4j.policy.names;

import io.github.sectrust4j.policy.names.HostnameMatch.PresentedName;
import io.github.sectrust4j.policy.names.HostnameMatch.Source;
import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.text.AsciiCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code SSLHostname} comparison: does the reference host name (the host the client connects
 * to) match the names a leaf presents, under the rules of a given iOS release (spec §3.1–§3.6,
 * §13.2)?
 *
 * <p>Case: presented names are ASCII after the DNS filter (§3.2); labels are compared with ASCII case
 * folding only ({@link AsciiCase}), so a non-ASCII reference character (dotless ı, İ) never equals an
 * ASCII letter (§3.3, §15.9).
 *
 * <p>Pure and total: any string (including empty, non-ASCII or absurdly long input) gives a
 * result, never an exception. Work is linear in the input size.
 */
public final class HostnameMatcher {

    private HostnameMatcher() {}

    /**
     * Matches {@code reference} against {@code presented}.
     *
     * <p>Order (§3.1): dNSNames with the rule set's matcher, first match wins; then, if the rules fall
     * back to the CN and no usable dNSName exists, the subject CNs; then the SAN iPAddress entries
     * (binary comparison against the §3.4 parse of the reference from iOS 13, textual
     * case-insensitive comparison before).
     */
    public static HostnameMatch match(HostnameRules rules, ReferenceHost reference, PresentedIdentities presented) {
        if (rules == null || reference == null || presented == null) {
            throw new NullPointerException("rules, reference and presented names are required");
        }
        String ref = reference.text();
        String normalized = rules.labelMatcher() ? reference.withoutTrailingDot() : ref;
        Optional<byte[]> refIp = reference.ipLiteral();
        Evidence ev = new Evidence();

        // 1. dNSNames (§3.1 step 1-2; ≤ iOS 9: unfiltered SAN list, §3.6)
        List<String> dnsNames = new ArrayList<>();
        if (presented.sanDnsNamesUndecodable()) {
            ev.add(Source.SAN_DNS_NAME, "<undecodable dNSName entries>", PresentedNameDefect.SAN_NOT_DECODABLE);
        } else {
            for (String name : presented.sanDnsNames()) {
                Optional<PresentedNameDefect> defect =
                        rules.labelMatcher() ? DnsNameFilter.defect(name) : Optional.empty();
                if (defect.isPresent()) {
                    ev.add(Source.SAN_DNS_NAME, name, defect.get());
                } else {
                    ev.add(Source.SAN_DNS_NAME, name, null);
                    dnsNames.add(name);
                }
            }
        }
        // ≤ 9: CN only if the SAN has no dNSName at all; 10–12: no usable dNSName (§3.6)
        boolean sanHasDnsNames = rules.labelMatcher()
                ? !dnsNames.isEmpty()
                : !presented.sanDnsNamesUndecodable()
                        && !presented.sanDnsNames().isEmpty();
        Source nameSource = Source.SAN_DNS_NAME;
        boolean cnConsulted = false;
        if (rules.commonNameFallback() && !sanHasDnsNames) {
            cnConsulted = true;
            nameSource = Source.SUBJECT_COMMON_NAME;
            dnsNames.clear();
            for (String cn : presented.subjectCommonNames()) {
                // only CNs that look like DNS names are used (§3.6) [filter inferred to be §3.2's]
                Optional<PresentedNameDefect> defect = DnsNameFilter.defect(cn);
                ev.add(Source.SUBJECT_COMMON_NAME, cn, defect.orElse(null));
                if (defect.isEmpty()) {
                    dnsNames.add(cn);
                }
            }
        } else {
            PresentedNameDefect why = rules.commonNameFallback()
                    ? PresentedNameDefect.COMMON_NAME_NOT_NEEDED
                    : PresentedNameDefect.COMMON_NAME_IGNORED;
            for (String cn : presented.subjectCommonNames()) {
                ev.add(Source.SUBJECT_COMMON_NAME, cn, why);
            }
        }

        for (String name : dnsNames) {
            boolean ok;
            if (rules.labelMatcher()) {
                LabelMatcher.Outcome o = LabelMatcher.match(ref, name, rules.publicSuffixTest());
                ok = o.matched();
                if (!ok && o.publicSuffix() != null && o.publicSuffix().refusesWildcard()) {
                    ev.refused.add(name);
                }
            } else {
                ok = !ref.isEmpty() && Rfc2818Matcher.match(ref, name);
            }
            if (ok && ev.matched == null) {
                ev.matched = new PresentedName(nameSource, name, Optional.empty());
            }
        }

        // 3. IP addresses (§3.1 step 3, §3.4)
        boolean ipUsable = true;
        for (byte[] ip : presented.rawSanIpAddresses()) {
            if (ip.length != 4 && ip.length != 16) {
                ipUsable = false;
            }
        }
        for (byte[] ip : presented.rawSanIpAddresses()) {
            Optional<String> text = IpLiteral.render(ip);
            if (!ipUsable) {
                ev.add(
                        Source.SAN_IP_ADDRESS,
                        text.orElse("hex:" + IpLiteral.hex(ip)),
                        PresentedNameDefect.INVALID_IP_ADDRESS_LENGTH);
                continue;
            }
            ev.add(Source.SAN_IP_ADDRESS, text.orElseThrow(), null);
            if (ev.matched != null) {
                continue;
            }
            boolean ok = rules.binaryIpComparison()
                    ? refIp.isPresent() && Arrays.equals(refIp.get(), ip)
                    : AsciiCase.equals(text.orElseThrow(), ref);
            if (ok) {
                ev.matched = new PresentedName(Source.SAN_IP_ADDRESS, text.orElseThrow(), Optional.empty());
            }
        }

        boolean matched = ev.matched != null;
        return new HostnameMatch(
                matched,
                rules,
                ref,
                normalized,
                refIp.isPresent(),
                ev.names,
                Optional.ofNullable(ev.matched),
                cnConsulted,
                ev.refused);
    }

    /** As {@link #match(HostnameRules, ReferenceHost, PresentedIdentities)}; a null reference is the empty name. */
    public static HostnameMatch match(HostnameRules rules, String reference, PresentedIdentities presented) {
        return match(rules, ReferenceHost.of(reference == null ? "" : reference), presented);
    }

    /**
     * The common case decided cheaply: true if a usable (filter-passing) SAN dNSName matches
     * {@code reference} under rules with the label matcher (iOS 10+), which is exactly when
     * {@link #match} reports a match through a dNSName (a usable dNSName also rules out the CN). False
     * decides nothing: call {@link #match} for the verdict and its evidence. {@code sanDnsNames} must
     * be decodable.
     */
    public static boolean matchesSanDnsName(HostnameRules rules, String reference, List<String> sanDnsNames) {
        if (!rules.labelMatcher() || reference == null) {
            return false;
        }
        for (String name : sanDnsNames) {
            if (DnsNameFilter.defect(name).isEmpty()
                    && LabelMatcher.match(reference, name, rules.publicSuffixTest())
                            .matched()) {
                return true;
            }
        }
        return false;
    }

    /** Mutable accumulator, confined to one call. */
    private static final class Evidence {
        final List<PresentedName> names = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        PresentedName matched;

        void add(Source source, String value, PresentedNameDefect defect) {
            names.add(new PresentedName(source, value, Optional.ofNullable(defect)));
        }
    }
}
