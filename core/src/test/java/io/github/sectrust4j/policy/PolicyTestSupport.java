package io.github.sectrust4j.policy;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.path.AnchorInfo;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.CertificateOrigin;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds requests and candidate paths directly (no path builder) for policy tests. */
final class PolicyTestSupport {
    private PolicyTestSupport() {}

    static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    static List<Certificate> certs(HeldCertificate... hs) {
        List<Certificate> l = new ArrayList<>();
        for (HeldCertificate h : hs) {
            l.add(cert(h));
        }
        return l;
    }

    /** How the top of a test path is anchored (§7.5 rows). */
    enum Anchor {
        /** Not anchored. */
        NONE,
        /** App anchor (SecTrustSetAnchorCertificates). */
        APP,
        /** App anchor that is byte-identical to a system root. */
        APP_COPY_OF_SYSTEM,
        /** System trust store. */
        SYSTEM,
        /** User store, manually installed profile with full trust. */
        PROFILE,
        /** User store, MDM. */
        MDM
    }

    static CandidatePath path(Anchor anchor, List<Certificate> chain) {
        return path(anchor, chain, Map.of(), false);
    }

    static CandidatePath path(
            Anchor anchor, List<Certificate> chain, Map<Integer, List<TrustSetting>> userSettings, boolean appleRoot) {
        int top = chain.size() - 1;
        Optional<AnchorInfo> info;
        Map<Integer, List<TrustSetting>> user = new HashMap<>(userSettings);
        switch (anchor) {
            case NONE:
                info = Optional.empty();
                break;
            case APP:
            case APP_COPY_OF_SYSTEM:
                info = Optional.of(new AnchorInfo(AnchorSource.APP, List.of()));
                break;
            case SYSTEM:
                info = Optional.of(new AnchorInfo(appleRoot ? AnchorSource.APPLE : AnchorSource.SYSTEM, List.of()));
                break;
            case PROFILE:
            case MDM:
                List<TrustSetting> s = user.getOrDefault(top, List.of());
                user.putIfAbsent(top, s);
                info = Optional.of(
                        new AnchorInfo(anchor == Anchor.PROFILE ? AnchorSource.PROFILE : AnchorSource.MDM, s));
                break;
            default:
                throw new AssertionError(anchor);
        }
        List<CertificateOrigin> origins = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            origins.add(
                    i == top && anchor != Anchor.NONE && chain.size() > 1
                            ? CertificateOrigin.ANCHOR_SOURCE
                            : CertificateOrigin.PRESENTED);
        }
        Certificate t = chain.get(top);
        boolean topSelfSigned = t.isSelfIssued();
        boolean system = anchor == Anchor.SYSTEM || anchor == Anchor.APP_COPY_OF_SYSTEM;
        return new CandidatePath(chain, origins, info, topSelfSigned, system, appleRoot, true, user);
    }

    /** A fluent request builder with test defaults (SSL server, iOS 26, no host). */
    static final class Req {
        IosRelease release = IosRelease.NEWEST;
        Policy policy = Policy.SSL_SERVER;
        Optional<String> host = Optional.empty();
        Instant at;
        boolean anchorsOnly;
        List<UserRoot> userRoots = List.of();
        Optional<AppleTrustStore> store = Optional.empty();
        boolean network;

        Req(Instant at) {
            this.at = at;
        }

        Req release(String r) {
            release = IosRelease.parse(r);
            return this;
        }

        Req host(String h) {
            host = Optional.of(h);
            return this;
        }

        Req basic() {
            policy = Policy.BASIC;
            return this;
        }

        Req store(AppleTrustStore s) {
            store = Optional.of(s);
            return this;
        }

        Req userRoots(UserRoot... roots) {
            userRoots = List.of(roots);
            return this;
        }

        Req anchorsOnly() {
            anchorsOnly = true;
            return this;
        }

        EvaluationRequest build(List<Certificate> presented) {
            return EvaluationRequest.builder(release, policy, at, presented)
                    .referenceHost(host.map(ReferenceHost::of))
                    .anchorsOnly(anchorsOnly)
                    .userRoots(userRoots)
                    .systemStore(store)
                    .network(network)
                    .build();
        }
    }

    /** RFC 5280 processing scripted for a test: returns exactly the failures it was given. */
    static CertificateProcessing processingReturning(Failure... failures) {
        return new CertificateProcessing() {
            @Override
            public List<Failure> parentChecks(
                    CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules) {
                return List.of();
            }

            @Override
            public List<Failure> process(CandidatePath path, EvaluationRequest request, Rfc5280Rules rules) {
                return List.of(failures);
            }
        };
    }

    /** No RFC 5280 failures: isolates the checks of this package. */
    static final CertificateProcessing CLEAN = processingReturning();

    static PathValidation validate(CandidatePath path, EvaluationRequest request) {
        return Policies.validatorFor(request, CLEAN, List.of(), List.of()).validate(path, request);
    }

    static PathValidation validate(CandidatePath path, EvaluationRequest request, CertificateProcessing processing) {
        return Policies.validatorFor(request, processing, List.of(), List.of()).validate(path, request);
    }

    static List<FindingCode> codes(PathValidation v) {
        return v.failures().stream().map(Failure::code).toList();
    }

    static Optional<Failure> failure(PathValidation v, FindingCode code) {
        return v.failures().stream().filter(f -> f.code() == code).findFirst();
    }

    /** A DER certificate from the shared Apple trust-store data (reference/apple-trust-store/certs). */
    static Certificate sharedCertificate(String sha256Hex) {
        try {
            return Certificate.parse(Files.readAllBytes(SharedData.appleCertificate(sha256Hex)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
