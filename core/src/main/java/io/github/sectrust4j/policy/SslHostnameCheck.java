package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SubjectAltName;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.names.HostnameMatch;
import io.github.sectrust4j.policy.names.HostnameMatcher;
import io.github.sectrust4j.policy.names.PresentedIdentities;
import java.util.List;

/** {@code SSLHostname} (§2.2, §3): the leaf must present the reference host; only with a host and the SSL policy. */
final class SslHostnameCheck implements PathCheck {
    static final SslHostnameCheck INSTANCE = new SslHostnameCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (request.policy() != Policy.SSL_SERVER || request.host().isEmpty()) {
            return List.of();
        }
        // a matching SAN dNSName (the usual case) needs none of the evidence a mismatch reports
        SubjectAltName san = path.leaf().subjectAltName().orElse(null);
        if (san != null && san.dnsNamesValidUtf8()
                && HostnameMatcher.matchesSanDnsName(rules.hostnameRules(), request.host().get(), san.dnsNames())) {
            return List.of();
        }
        HostnameMatch m = match(path.leaf(), request.host().get(), rules);
        if (m.matched()) {
            return List.of();
        }
        Failure mismatch = Failure.of(FindingCode.SSL_HOSTNAME, 0, Evidence.of(
                "host", request.host().get(),
                "sanDnsNames", path.leaf().subjectAltName().map(SubjectAltName::dnsNames).orElse(List.of()),
                "comparedNames", m.comparedNames(),
                "subjectCommonNames", path.leaf().subject().commonNames(),
                "commonNameConsulted", m.commonNameConsulted(),
                "explanation", m.explain()));
        return List.of(mismatch);
    }

    static HostnameMatch match(Certificate leaf, String host, RuleSet rules) {
        SubjectAltName san = leaf.subjectAltName().orElse(null);
        PresentedIdentities ids = new PresentedIdentities(
                san == null ? List.of() : san.dnsNames(),
                san != null && !san.dnsNamesValidUtf8(),
                san == null || !san.ipAddressLengthsValid() ? List.of() : san.ipAddresses(),
                leaf.subject().commonNames());
        return HostnameMatcher.match(rules.hostnameRules(), host, ids);
    }
}
