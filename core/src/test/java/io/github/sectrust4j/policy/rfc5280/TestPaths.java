package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.path.AnchorInfo;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.CertificateOrigin;
import io.github.sectrust4j.request.EvaluationRequest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds requests and candidate paths directly (no path builder needed). */
final class TestPaths {
    private TestPaths() {}

    static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    static EvaluationRequest request(String release, Instant verifyTime, Certificate leaf) {
        return EvaluationRequest.builder(IosRelease.parse(release), Policy.SSL_SERVER, verifyTime, List.of(leaf))
                .build();
    }

    /** A path whose top is an app anchor (leaf first). */
    static CandidatePath anchored(HeldCertificate... chain) {
        return path(true, false, toCerts(chain), selfSigned(chain[chain.length - 1]));
    }

    /** A path whose top is one of Apple's hard-coded roots. */
    static CandidatePath appleRooted(HeldCertificate... chain) {
        return path(true, true, toCerts(chain), selfSigned(chain[chain.length - 1]));
    }

    /** A path whose top is no anchor. */
    static CandidatePath unanchored(HeldCertificate... chain) {
        return path(false, false, toCerts(chain), selfSigned(chain[chain.length - 1]));
    }

    static CandidatePath path(boolean anchored, boolean appleRoot, List<Certificate> certs, boolean topSelfSigned) {
        List<CertificateOrigin> origins = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            origins.add(
                    anchored && i == certs.size() - 1 ? CertificateOrigin.ANCHOR_SOURCE : CertificateOrigin.PRESENTED);
        }
        Optional<AnchorInfo> anchor = anchored
                ? Optional.of(new AnchorInfo(appleRoot ? AnchorSource.APPLE : AnchorSource.APP, List.of()))
                : Optional.empty();
        return new CandidatePath(certs, origins, anchor, topSelfSigned, false, appleRoot, true, Map.of());
    }

    static List<Certificate> toCerts(HeldCertificate... chain) {
        return Arrays.stream(chain).map(TestPaths::cert).toList();
    }

    static boolean selfSigned(HeldCertificate h) {
        try {
            X509Certificate x = h.certificate();
            x.verify(x.getPublicKey());
            return true;
        } catch (Exception | Error e) {
            return false;
        }
    }

    /** Processes an anchored, trusted path at {@code release}, verify time = now. */
    static List<Failure> process(String release, Instant at, CandidatePath path, boolean topTrusted) {
        return BasicCertificateProcessing.process(path, topTrusted, request(release, at, path.leaf()), rules(release));
    }

    /** {@code rules} with {@code check} not handed down: as if no descriptor carried it. */
    static Rfc5280Rules without(Rfc5280Rules rules, Rfc5280Check check) {
        java.util.Set<Rfc5280Check> checks = java.util.EnumSet.noneOf(Rfc5280Check.class);
        checks.addAll(rules.checks());
        checks.remove(check);
        return new Rfc5280Rules(
                checks,
                rules.legacyCheckNames(),
                rules.weakKeyFatal(),
                rules.weakSignatureFatal(),
                rules.appleRootsNeverExpire());
    }

    /** The release facts the policy hands down ({@code RuleSet.rfc5280Rules()}). */
    static Rfc5280Rules rules(String release) {
        return io.github.sectrust4j.policy.RuleSet.forRelease(IosRelease.parse(release))
                .rfc5280Rules();
    }

    static List<String> codes(List<Failure> failures) {
        return failures.stream().map(f -> f.code().code() + "@" + f.index()).toList();
    }
}
