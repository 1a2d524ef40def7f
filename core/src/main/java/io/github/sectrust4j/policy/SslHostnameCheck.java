package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.LyncExternalNames;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SubjectAltName;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.names.HostnameMatch;
import io.github.sectrust4j.policy.names.HostnameMatcher;
import io.github.sectrust4j.policy.names.PresentedIdentities;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.ReferenceHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code SSLHostname} (§2.2, §3): the leaf must present the reference host; only with a host and the SSL policy
 * (an SSL policy made without a host name carries no such option, {@link RuleSet#options}).
 */
final class SslHostnameCheck implements AppleCheck {
    static final SslHostnameCheck INSTANCE = new SslHostnameCheck();

    private static final Set<String> INTERNAL_SUFFIXES = Set.of(
            "local",
            "lan",
            "internal",
            "intranet",
            "corp",
            "home",
            "localdomain",
            "private",
            "intra",
            "int",
            "ad",
            "localhost",
            "test",
            "example",
            "invalid",
            "home.arpa");
    private static final List<String> LYNC_PREFIXES = List.of(
            "sip",
            "lyncdiscover",
            "lyncdiscoverinternal",
            "meet",
            "dialin",
            "webext",
            "lyncweb",
            "av",
            "webconf",
            "scheduler",
            "access",
            "ucupdates-r2");

    /** The host the leaf does not name: what was compared and why nothing matched. */
    record HostMismatch(
            String host,
            List<String> sanDnsNames,
            List<String> comparedNames,
            List<String> subjectCommonNames,
            boolean commonNameConsulted,
            String explanation)
            implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("sanDnsNames", sanDnsNames);
            m.put("comparedNames", comparedNames);
            m.put("subjectCommonNames", subjectCommonNames);
            m.put("commonNameConsulted", commonNameConsulted);
            m.put("explanation", explanation);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.SSL_HOSTNAME;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (request.policy() != Policy.SSL_SERVER || request.referenceHost().isEmpty()) {
            return List.of();
        }
        ReferenceHost host = request.referenceHost().get();
        // a matching SAN dNSName (the usual case) needs none of the evidence a mismatch reports
        SubjectAltName san = path.leaf().subjectAltName().orElse(null);
        if (san != null
                && san.dnsNamesValidUtf8()
                && HostnameMatcher.matchesSanDnsName(rules.hostnameRules(), host.text(), san.dnsNames())) {
            return List.of();
        }
        HostnameMatch m = match(path.leaf(), host, rules);
        if (m.matched()) {
            return List.of();
        }
        return List.of(Failure.of(
                FindingCode.SSL_HOSTNAME,
                0,
                new HostMismatch(
                        host.text(),
                        path.leaf()
                                .subjectAltName()
                                .map(SubjectAltName::dnsNames)
                                .orElse(List.of()),
                        m.comparedNames(),
                        path.leaf().subject().commonNames(),
                        m.commonNameConsulted(),
                        m.explain())));
    }

    static HostnameMatch match(Certificate leaf, ReferenceHost host, RuleSet rules) {
        SubjectAltName san = leaf.subjectAltName().orElse(null);
        PresentedIdentities ids = new PresentedIdentities(
                san == null ? List.of() : san.dnsNames(),
                san != null && !san.dnsNamesValidUtf8(),
                san == null || !san.ipAddressLengthsValid() ? List.of() : san.ipAddresses(),
                leaf.subject().commonNames());
        return HostnameMatcher.match(rules.hostnameRules(), host, ids);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": "
                + failure.evidence(HostMismatch.class).explanation() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§3.1",
                        rules.hostnameRules().commonNameFallback()
                                ? "the host must match a SAN dNSName or, when the SAN has none, the subject CN (iOS ≤ 12)"
                                : "the host must match a SAN dNSName or iPAddress; the subject CN is never used (iOS 13+)",
                        Confidence.APPLE_CODE)
                .since(rules.hostnameRules().commonNameFallback() ? "8.0" : "13.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        String host = failure.evidence(HostMismatch.class).host();
        List<String> sans = failure.evidence(HostMismatch.class).sanDnsNames();
        StringBuilder sb = new StringBuilder("Add '").append(host).append("' to the certificate's subjectAltName");
        sb.append(context.rules().hostnameRules().commonNameFallback() ? "." : " (iOS 13+ ignores the subject CN).");
        if (!sans.isEmpty() && sans.stream().allMatch(SslHostnameCheck::isInternalName) && !isInternalName(host)) {
            sb.append(" The certificate names only internal hosts ")
                    .append(sans)
                    .append(": it looks like an internal ")
                    .append(
                            "certificate exposed through port forwarding. Terminate TLS on an edge/reverse proxy with a publicly ")
                    .append("trusted certificate for '")
                    .append(host)
                    .append("' instead of forwarding to the internal server.");
        }
        // the Lync hint names the SIP domain of a Lync name (the host's, else the certificate's): never one
        // guessed from an IP literal or a name that is not Lync's
        Optional<String> lyncName = isLync(host)
                ? Optional.of(host)
                : sans.stream().filter(SslHostnameCheck::isLync).findFirst();
        if (lyncName.isPresent()) {
            String domain = lyncName.get().substring(lyncName.get().indexOf('.') + 1);
            sb.append(" For Skype for Business/Lync, the external certificate must list every published name: ")
                    .append(LyncExternalNames.PREFIXES.stream()
                            .map(p -> p + "." + domain)
                            .collect(Collectors.joining(", ")))
                    .append(" (check them all with evaluate --lync ")
                    .append(domain)
                    .append(").");
        }
        return sb.toString();
    }

    static boolean isInternalName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return n.startsWith("10.")
                    || n.startsWith("192.168.")
                    || n.startsWith("127.")
                    || n.matches("172\\.(1[6-9]|2\\d|3[01])\\..*");
        }
        if (!n.contains(".")) {
            return true;
        }
        for (String s : INTERNAL_SUFFIXES) {
            if (n.endsWith("." + s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLync(String name) {
        String first = name.toLowerCase(Locale.ROOT).split("\\.", 2)[0];
        return name.contains(".") && LYNC_PREFIXES.contains(first);
    }
}
