package io.github.sectrust4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Maps one BATCH-CONTRACT request object to the public API ({@link SecTrust}) the way the batch command
 * does, for the scenario catalogue. Kept to the contract's fields; the command line's own parser (branch
 * {@code cli}) is package-private to its package and not on main yet — once it is, this mapper should
 * give way to it.
 *
 * <p>Fields whose evaluation belongs to issue #5 (revocation and CT inputs: {@code ocspResponses},
 * {@code scts}, {@code ctLogs}, {@code revocationDatabase}) are reported in {@link Mapped#pendingInputs()}
 * instead of being dropped, so the caller can mark the scenario pending rather than judge it on half
 * its inputs.
 */
final class BatchRequestMapper {
    private BatchRequestMapper() {
    }

    /** The configured evaluation, the presented chain, and the inputs that are issue #5's. */
    record Mapped(SecTrust trust, List<Certificate> chain, List<String> pendingInputs) {
    }

    static Mapped map(JsonNode request) {
        List<String> pending = new ArrayList<>();
        List<Certificate> chain = pems(request.get("chain"));
        SecTrust trust = request.hasNonNull("ios") ? SecTrust.ios(request.get("ios").asText()) : SecTrust.newest();
        Policy policy = request.hasNonNull("policy") ? Policy.fromLabel(request.get("policy").asText()) : Policy.SSL_SERVER;
        if (policy == Policy.BASIC) {
            trust = trust.basicPolicy();
        } else {
            trust = request.hasNonNull("host") ? trust.forServer(request.get("host").asText()) : trust.sslServer();
        }
        if (request.hasNonNull("at")) {
            trust = trust.at(Instant.parse(request.get("at").asText()));
        }
        JsonNode systemRoots = request.get("systemRoots");
        if (systemRoots != null && !systemRoots.isNull()) {
            if (systemRoots.isBoolean()) {
                trust = systemRoots.booleanValue() ? trust : trust.withoutSystemRoots();
            } else {
                trust = trust.withTrustStoreVersion(systemRoots.intValue());
            }
        }
        if (request.has("extraSystemRoots")) {
            trust = trust.withExtraSystemRoots(pems(request.get("extraSystemRoots")));
        }
        if (request.has("anchors")) {
            trust = trust.withAnchors(pems(request.get("anchors")));
        }
        if (request.hasNonNull("anchorsOnly")) {
            trust = trust.anchorsOnly(request.get("anchorsOnly").booleanValue());
        }
        if (request.has("userRoots")) {
            for (JsonNode u : request.get("userRoots")) {
                trust = trust.withUserRoot(userRoot(u));
            }
        }
        if (request.has("intermediates")) {
            trust = trust.withIntermediates(pems(request.get("intermediates")));
        }
        if (request.has("ocspResponses")) {
            pending.add("ocspResponses");
            for (JsonNode o : request.get("ocspResponses")) {
                trust = trust.withStapledOcsp(Base64.getDecoder().decode(o.asText()));
            }
        }
        if (request.has("scts")) {
            pending.add("scts");
            for (JsonNode s : request.get("scts")) {
                trust = trust.withSct(Base64.getDecoder().decode(s.asText()));
            }
        }
        if (request.has("ctLogs")) {
            pending.add("ctLogs"); // no public setter yet: a custom log list is issue #5's
        }
        if (request.has("revocationDatabase")) {
            pending.add("revocationDatabase");
        }
        return new Mapped(trust, chain, List.copyOf(pending));
    }

    private static UserRoot userRoot(JsonNode u) {
        List<Certificate> cert = CertificateInput.fromPem(u.get("cert").asText());
        InstallChannel channel = "mdm".equals(u.path("install").asText("profile")) ? InstallChannel.MDM : InstallChannel.PROFILE;
        FullTrust fullTrust = u.path("fullTrust").asBoolean(false) ? FullTrust.ON : FullTrust.OFF;
        Optional<List<TrustSetting>> settings = Optional.empty();
        if (u.has("trustSettings")) {
            List<TrustSetting> list = new ArrayList<>();
            for (JsonNode s : u.get("trustSettings")) {
                TrustSetting t = TrustSetting.of(TrustSetting.Result.fromLabel(s.get("result").asText()));
                if (s.hasNonNull("policy")) {
                    t = t.forPolicy(Policy.fromLabel(s.get("policy").asText()));
                }
                if (s.hasNonNull("policyString")) {
                    t = t.forHost(s.get("policyString").asText());
                }
                if (s.hasNonNull("allowedError")) {
                    t = t.allowingError(s.get("allowedError").intValue());
                }
                list.add(t);
            }
            settings = Optional.of(list);
        }
        return new UserRoot(cert.get(0), channel, fullTrust, settings);
    }

    private static List<Certificate> pems(JsonNode array) {
        List<Certificate> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.addAll(CertificateInput.fromPem(n.asText()));
        }
        return out;
    }
}
