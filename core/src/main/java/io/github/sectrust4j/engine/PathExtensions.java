package io.github.sectrust4j.engine;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.cert.AuthorityInfoAccess;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.DerivedFact;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.CtEvaluator;
import io.github.sectrust4j.ct.internal.CtExceptionSubject;
import io.github.sectrust4j.ct.internal.CtRequest;
import io.github.sectrust4j.ct.internal.LogListProvenance;
import io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.HardCodedRoots;
import io.github.sectrust4j.policy.CertificateTransparencyNote;
import io.github.sectrust4j.policy.CtEvidence;
import io.github.sectrust4j.policy.CtRequiredCheck;
import io.github.sectrust4j.policy.ExtendedValidation;
import io.github.sectrust4j.policy.ExtendedValidationNote;
import io.github.sectrust4j.policy.PathCheck;
import io.github.sectrust4j.policy.RevocationCheck;
import io.github.sectrust4j.policy.RevocationResponseRequiredCheck;
import io.github.sectrust4j.policy.RuleSet;
import io.github.sectrust4j.policy.SystemTrustedCtRequiredCheck;
import io.github.sectrust4j.policy.ValidCheck;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.RevocationInputs;
import io.github.sectrust4j.revocation.RevocationDatabase;
import io.github.sectrust4j.revocation.ValidInfo;
import io.github.sectrust4j.revocation.ValidQuery;
import io.github.sectrust4j.revocation.internal.KnownIntermediates;
import io.github.sectrust4j.revocation.internal.OcspFetchTrigger;
import io.github.sectrust4j.revocation.internal.OcspNetworkCheck;
import io.github.sectrust4j.revocation.internal.OcspPosition;
import io.github.sectrust4j.revocation.internal.OcspResponse;
import io.github.sectrust4j.revocation.internal.OcspTarget;
import io.github.sectrust4j.revocation.internal.ResponseRequirement;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.revocation.internal.RevocationScope;
import io.github.sectrust4j.revocation.internal.RevocationSource;
import io.github.sectrust4j.revocation.internal.RevocationSummary;
import io.github.sectrust4j.revocation.internal.SkipReason;
import io.github.sectrust4j.revocation.internal.ValidContext;
import io.github.sectrust4j.revocation.internal.ValidDecision;
import io.github.sectrust4j.revocation.internal.ValidFailure;
import io.github.sectrust4j.text.ExceptionText;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration's policy checks for one evaluation (§1.6): the revocation pass before the path
 * checks (stapled and fetched OCSP §9.4, the Valid database §9.2, RevocationResponseRequired §9.5) and
 * the trailing checks after the key lists (EV §10, CT §8, Valid CT constraints, SystemTrustedCTRequired,
 * known intermediates). Each path is worked out once and its state kept for the trailing checks, the
 * key-list exemption (Valid allow-listing) and the report. One instance per evaluation; not thread-safe.
 */
final class PathExtensions {

    private final EvaluationRequest request;
    private final RuleSet rules;
    private final CtLogList logs;
    private final LogListProvenance provenance;
    private final boolean leafEvCapable;
    /** The stapled OCSP responses, parsed once: each is offered to every position of every candidate path. */
    private final List<OcspResponse> stapledOcsp;

    private final Map<List<Certificate>, PathState> states = new HashMap<>(4); // usually one path
    /** By issuer key ({@link PublicKeyInfo}, equal by SPKI DER), or {@link #NO_ISSUER} for a one-certificate path. */
    private final Map<Object, CtEvaluation> ctByIssuerKey = new HashMap<>(4);

    private static final Object NO_ISSUER = new Object();

    /** What the integration worked out for one path. */
    static final class PathState {
        final List<RevocationResult> revocation;
        final List<Boolean> hasResponders;
        final List<ValidDecision> valid = new ArrayList<>();
        final List<Failure> revocationFailures = new ArrayList<>();
        List<Failure> trailingFailures = new ArrayList<>();
        boolean allowListed;
        boolean trailingDone;
        CtEvaluation ct;
        ExtendedValidation.PathEv ev;
        boolean evQualified;

        /** The state of a path of {@code size} certificates (one revocation result per position). */
        PathState(int size) {
            revocation = new ArrayList<>(size);
            hasResponders = new ArrayList<>(size);
        }
    }

    PathExtensions(EvaluationRequest request) {
        this.request = request;
        this.rules = RuleSet.forRelease(request.release());
        this.logs = request.ct()
                .logs()
                .orElseGet(() -> request.systemStore().map(CtLogList::of).orElse(CtLogList.empty()));
        this.provenance = request.ct().provenance();
        this.leafEvCapable = ExtendedValidation.leafCapable(request.leaf(), request);
        this.stapledOcsp = request.ocspResponses().isEmpty()
                ? List.of() // the usual request: no stream per evaluation
                : request.ocspResponses().stream().map(OcspResponse::parse).toList();
    }

    PathCheck revocationCheck() {
        return (path, req, rules) -> state(path).revocationFailures;
    }

    PathCheck trailingCheck() {
        return (path, req, rules) -> trailing(path, state(path));
    }

    /** Valid allow-listing of the path suppresses BlackListedKey / GrayListedKey (§1.6 step 6, §9.2). */
    boolean listedKeysExempt(CandidatePath path) {
        return state(path).allowListed;
    }

    /** The state of a path already validated (the best path after its full validation). */
    PathState state(CandidatePath path) {
        PathState s = states.get(path.certificates()); // no capturing lambda per check
        if (s == null) {
            s = revocation(path);
            states.put(path.certificates(), s);
        }
        return s;
    }

    /** True if the leaf is EV-capable (§10): triggers OCSP and the EV upgrade search (§1.5). */
    boolean leafEvCapable() {
        return leafEvCapable;
    }

    // ------------------------------------------------------------------ revocation pass (§9)

    private PathState revocation(CandidatePath path) {
        PathState s = new PathState(path.size());
        Instant now = request.currentTime();
        RevocationInputs in = request.revocation();
        Optional<RevocationDatabase> db = in.database();
        int size = path.size();
        boolean appleAnchored = path.appleRoot();
        // Valid first for every position: a Valid "OCSP trigger" switches network OCSP on for the whole path
        // per position, only with a Valid database (else every entry would be empty)
        List<Optional<ValidDecision>> decisions = db.isPresent() ? new ArrayList<>(size) : List.of();
        List<Optional<ValidInfo>> infos = db.isPresent() ? new ArrayList<>(size) : List.of();
        for (int i = 0; i < size; i++) {
            Optional<ValidInfo> info = Optional.empty();
            Optional<ValidDecision> decision = Optional.empty();
            if (db.isPresent() && i < path.topIndex()) {
                Certificate c = path.get(i);
                Certificate issuer = path.get(i + 1);
                boolean appleCert = HardCodedRoots.isAppleRoot(c);
                Optional<SkipReason> skip = RevocationScope.validSkipReason(i, size, path.selfSignedAt(i), appleCert);
                if (skip.isEmpty()) {
                    info = safeLookup(db.get(), c, issuer);
                    final int position = i;
                    decision = info.map(v -> ValidDecision.decide(
                            position,
                            v,
                            c.notBefore(),
                            new ValidContext(now, request.policy() == Policy.SSL_SERVER, appleAnchored)));
                }
            }
            if (db.isPresent()) {
                infos.add(info);
                decisions.add(decision);
            }
            if (decision.isPresent()) {
                s.valid.add(decision.get());
            }
        }
        boolean validSwitchedOn = false; // a loop, not a stream: every evaluation passes here
        for (int i = 0, n = s.valid.size(); i < n; i++) {
            validSwitchedOn |= s.valid.get(i).triggerOcsp();
        }
        boolean ev = leafEvCapable;
        for (int i = 0; i < size; i++) {
            Certificate c = path.get(i);
            List<URI> urls = ocspUrls(c);
            s.hasResponders.add(!urls.isEmpty());
            // the top and self-signed certificates are never checked (§9.1): the revocation package's rule
            Optional<SkipReason> skip = RevocationScope.validSkipReason(i, size, path.selfSignedAt(i));
            if (skip.isPresent()) {
                s.revocation.add(RevocationResult.notChecked(i, skip.get()));
                continue;
            }
            OcspPosition ocsp = null;
            if (!c.hasOcspNoCheck()) {
                try {
                    ocsp = OcspPosition.of(OcspTarget.of(c, path.get(i + 1)));
                } catch (IllegalArgumentException e) {
                    ocsp = null; // an issuer without usable DER (never for presented certificates): no OCSP
                }
            }
            if (ocsp != null) {
                for (OcspResponse response : stapledOcsp) {
                    ocsp = ocsp.consider(response, now);
                }
                OcspFetchTrigger trigger = new OcspFetchTrigger(
                        in.networkAvailable(),
                        true,
                        ocsp.held().isPresent(),
                        urls,
                        ev,
                        in.revocationPolicy(),
                        validSwitchedOn,
                        false,
                        false);
                ocsp = OcspNetworkCheck.fetch(ocsp, trigger.decide(), in.ocspFetcher(), now);
            }
            Optional<ValidDecision> decision = db.isPresent() ? decisions.get(i) : Optional.empty();
            RevocationResult result = ocsp != null ? RevocationResult.of(i, ocsp, decision) : validOnly(i, decision);
            s.revocation.add(result);
            boolean usable = ocsp != null && ocsp.held().isPresent();
            if (decision.isPresent()) {
                for (ValidFailure f : decision.get().failures(usable)) {
                    if (ValidCheck.records(f, rules)) {
                        s.revocationFailures.add(validFailure(f, decision));
                    }
                }
                s.allowListed |= decision.get().allowListed();
            }
            if (result.isRevoked() && result.source().orElse(null) == RevocationSource.OCSP) {
                s.revocationFailures.add(new Failure(
                        FindingCode.REVOCATION, i, Severity.FATAL, new RevocationCheck.OcspRevoked(result)));
            }
            if (RevocationResponseRequiredCheck.applies(rules)
                    && ResponseRequirement.fails(
                            in.requirePositiveResponse(), false, i == 0, in.networkAvailable(), usable)) {
                s.revocationFailures.add(Failure.of(
                        FindingCode.REVOCATION_RESPONSE_REQUIRED,
                        i,
                        new RevocationResponseRequiredCheck.NoPositiveResponse(
                                result, RevocationResponseRequiredCheck.REQUIREMENT)));
            }
        }
        if (db.isPresent() && !s.valid.isEmpty()) {
            List<KnownIntermediates.Position> positions = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Certificate c = path.get(i);
                positions.add(new KnownIntermediates.Position(
                        c.sha256(), c.basicConstraints().map(b -> b.ca()).orElse(false), infos.get(i)));
            }
            KnownIntermediates.firstViolation(positions, db.get())
                    .ifPresent(f -> s.trailingFailures.add(validFailure(f, Optional.empty())));
        }
        return s;
    }

    /** A position without OCSP (ocsp-nocheck): Valid alone decides. */
    private static RevocationResult validOnly(int i, Optional<ValidDecision> decision) {
        if (decision.isPresent()
                && decision.get().failures(false).stream().anyMatch(f -> f.code() == FindingCode.REVOCATION)) {
            return RevocationResult.revokedByValid(i, List.of());
        }
        if (decision.isPresent() && decision.get().allowListed()) {
            return RevocationResult.allowListedByValid(i);
        }
        return RevocationResult.notChecked(i, SkipReason.OCSP_NO_CHECK);
    }

    /**
     * Valid groups are keyed by SHA-256 of the issuer's real certificate: take the fingerprint, not a
     * hash of {@code der()}, which for a store anchor built from facts is not Apple's certificate.
     * A failing database is an evaluation error, never "no information": that could hide a revocation.
     */
    private static Optional<ValidInfo> safeLookup(RevocationDatabase db, Certificate c, Certificate issuer) {
        ValidQuery query = ValidQuery.of(issuer.sha256(), c.serialNumberBytes(), Optional.of(c.sha256()));
        try {
            return db.lookup(query);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "revocation database lookup failed for '" + c.subject() + "': " + ExceptionText.why(e), e);
        }
    }

    /** A fact of the certificate's bytes: worked out once per certificate object. */
    private static final DerivedFact<List<URI>> OCSP_URLS = DerivedFact.of(PathExtensions::parseOcspUrls);

    private static List<URI> ocspUrls(Certificate c) {
        return OCSP_URLS.of(c);
    }

    private static List<URI> parseOcspUrls(Certificate c) {
        List<URI> out = new ArrayList<>();
        for (String u : c.authorityInfoAccess().map(AuthorityInfoAccess::ocsp).orElse(List.of())) {
            try {
                out.add(URI.create(u));
            } catch (IllegalArgumentException e) {
                // not a URI: iOS cannot use it either
            }
        }
        return List.copyOf(out); // shared by every evaluation of the certificate
    }

    /** A failure a Valid entry forced, recorded under the code and result Valid decided. */
    private static Failure validFailure(ValidFailure f, Optional<ValidDecision> decision) {
        return new Failure(f.code(), f.position(), f.severity(), new ValidCheck.ValidEntry(f, decision));
    }

    // ------------------------------------------------------------------ trailing checks (§1.6 steps 7–10)

    private List<Failure> trailing(CandidatePath path, PathState s) {
        if (s.trailingDone) {
            return s.trailingFailures;
        }
        s.trailingDone = true;
        List<Failure> out = new ArrayList<>(4); // the CT and EV notes, seldom more
        CtEvaluation ct = ct(path);
        s.ct = ct;
        boolean killSwitch = request.ct().killSwitchOn();
        // EV (§10): failures discarded; the note marks the path EV for scoring and the report
        s.ev = leafEvCapable
                ? ExtendedValidation.evaluatePath(path, request)
                : new ExtendedValidation.PathEv(false, List.of(), "the leaf is not EV-capable");
        s.evQualified = s.ev.ev()
                && SystemTrustedCtRequirement.evCtConditionMet(rules.ctRules(), ct.qualified(), provenance, killSwitch);
        CtEvidence ctEvidence = ctEvidence(ct);
        if (!ct.outcomes().isEmpty()) {
            out.add(new Failure(
                    FindingCode.CERTIFICATE_TRANSPARENCY,
                    0,
                    Severity.INFO,
                    new CertificateTransparencyNote.CtResult(ctEvidence)));
        }
        LogListAge.note(ct, logs, request.verifyTime()).ifPresent(out::add);
        if (s.evQualified) {
            out.add(new Failure(
                    FindingCode.EXTENDED_VALIDATION,
                    0,
                    Severity.INFO,
                    new ExtendedValidationNote.EvPath(
                            s.ev.policies(), ct.summary(), path.leaf().subject().organizations())));
        }
        // Valid CT constraints (§9.2): issuance time vs. the earliest group notAfter; require-ct
        Instant issuance = ct.issuanceTime().orElse(path.leaf().notBefore());
        ValidDecision.ctIssuanceFailure(s.valid, issuance)
                .ifPresent(f -> out.add(validFailure(
                        f,
                        s.valid.stream()
                                .filter(d -> d.position() == f.position())
                                .findFirst())));
        boolean ctPolicy =
                request.policy() == Policy.SSL_SERVER || request.host().isPresent();
        Optional<ValidDecision> requiring = s.valid.isEmpty() // no stream without Valid decisions (the usual path)
                ? Optional.empty()
                : s.valid.stream().filter(ValidDecision::requireCt).findFirst();
        if (requiring.isPresent()
                && CtRequiredCheck.applies(rules)
                && ctPolicy
                && !killSwitch
                && provenance.enforces()
                && !ct.qualified()) {
            boolean overridable =
                    s.valid.stream().filter(ValidDecision::requireCt).allMatch(ValidDecision::ctRequiredOverridable);
            out.add(new Failure(
                    FindingCode.CT_REQUIRED,
                    0,
                    overridable ? Severity.RECOVERABLE : Severity.FATAL,
                    new CtRequiredCheck.RequiredByValid(
                            ctEvidence, requiring.get().position(), overridable)));
        }
        if (SystemTrustedCtRequiredCheck.INSTANCE.appliesTo(rules, request.policy())) {
            SystemTrustedCtRequirement.Decision d = SystemTrustedCtRequirement.decide(ctInputs(path, ct));
            if (d.fails()) {
                out.add(Failure.of(
                        FindingCode.SYSTEM_TRUSTED_CT_REQUIRED,
                        0,
                        new SystemTrustedCtRequiredCheck.NotQualified(d, ctEvidence)));
            }
        }
        out.addAll(s.trailingFailures);
        s.trailingFailures = out; // the trailing failures, then those the revocation pass left for the end
        return out;
    }

    private SystemTrustedCtRequirement.Inputs ctInputs(CandidatePath path, CtEvaluation ct) {
        Certificate leaf = path.leaf();
        SystemTrustedCtRequirement.Builder b = SystemTrustedCtRequirement.Inputs.builder(
                        rules.ctRules(), leaf.notBefore(), leaf.notAfter(), request.verifyTime())
                .sslServerPolicy(request.policy() == Policy.SSL_SERVER)
                .killSwitchOn(request.ct().killSwitchOn())
                .logList(provenance)
                .systemAnchored(path.anchored() && path.systemTrusted(), path.appleRoot())
                .ctQualified(ct.qualified())
                .hostname(request.host().orElse(null));
        io.github.sectrust4j.ct.CtExceptions exceptions = request.ct().exceptions();
        if (!exceptions.domains().isEmpty() || !exceptions.spkiSha256().isEmpty()) { // not none(), without equals
            List<CtExceptionSubject> cas = new ArrayList<>();
            for (int i = 1; i < path.size(); i++) {
                subject(path.get(i)).ifPresent(cas::add);
            }
            b.exceptions(request.ct().exceptions(), subject(leaf).orElse(null), cas);
        }
        return b.build();
    }

    private static Optional<CtExceptionSubject> subject(Certificate c) {
        try {
            return Optional.of(CtExceptionSubject.fromCertificate(c.der()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The CT evaluation reads only the leaf, the issuer's key and the request (CtRequest), so it is worked
     * out once per issuer key: every SCT is verified once per evaluation, not once per candidate path
     * (thousands of SCTs over dozens of cross-signed candidates took minutes).
     */
    private CtEvaluation ct(CandidatePath path) {
        Object issuerKey = path.size() > 1 ? path.get(1).publicKey() : NO_ISSUER;
        return ctByIssuerKey.computeIfAbsent(issuerKey, k -> {
            CtRequest.Builder b = CtRequest.builder(path.leaf(), request.verifyTime());
            if (path.size() > 1) {
                b.issuer(path.get(1));
            }
            request.scts().forEach(b::tlsSct);
            request.ocspResponses().forEach(b::stapledOcspResponse);
            return CtEvaluator.evaluate(b.build(), logs, rules.ctRules());
        });
    }

    /** The path's CT evaluation with the log list it was judged with, as the CT checks report it. */
    private CtEvidence ctEvidence(CtEvaluation ct) {
        return new CtEvidence(
                ct,
                provenance,
                logs.size(),
                logs.source(),
                logs.date(),
                LogListAge.mayBeOutdated(ct, logs, request.verifyTime()));
    }

    // ------------------------------------------------------------------ reporting (§12.2)

    /** {@code TrustRevocationChecked} / {@code TrustExpirationDate} for the chosen path. */
    RevocationSummary revocationSummary(CandidatePath path, boolean trusted) {
        PathState s = state(path);
        return RevocationSummary.of(s.revocation, s.hasResponders, trusted);
    }
}
