package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.CachingSignatureVerifier;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.cert.SignatureVerdict;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.cert.TotalVerificationBudget;
import io.github.sectrust4j.cert.VerificationBudget;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signature checks of one evaluation through the cert package's verifier, charged against a
 * per-evaluation {@link VerificationBudget} ({@link io.github.sectrust4j.PathBudget#maxSignatureChecks()}).
 * Verdicts are shared across evaluations in a bounded cache keyed by (issuer SPKI, certificate);
 * each distinct pair is charged once per evaluation, cached or not, so outcomes never depend on
 * what other evaluations left in the cache. Not thread-safe: one per evaluation.
 */
final class LinkSignatures {

    enum Verdict {
        VALID,
        INVALID,
        BUDGET_EXHAUSTED
    }

    /** The shared verdict cache (bounded; immutable data only). */
    static final SignatureVerifier SHARED = CachingSignatureVerifier.withDefaults();

    private final SignatureVerifier verifier;
    private final VerificationBudget budget;
    /**
     * A link by value: issuer key (equal SPKI DER) and certificate (equal SHA-256) — the same identity
     * as (SPKI SHA-256, certificate SHA-256), without building and hashing a 64-byte key per lookup.
     * Equality written out, as {@code PolicyValidator}'s key: no {@code ObjectMethods} bootstrap.
     */
    private record Link(PublicKeyInfo issuerKey, Certificate child) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Link l && l.issuerKey.equals(issuerKey) && l.child.equals(child);
        }

        @Override
        public int hashCode() {
            return 31 * issuerKey.hashCode() + child.hashCode();
        }
    }

    // sized for a real chain (a few links); they grow for a larger search
    private final Map<Link, Boolean> verdicts = new HashMap<>(8);
    private final Map<Certificate, Boolean> selfSigned = new HashMap<>(8);
    private boolean exhausted;
    /** The evaluation's total verification budget (not this builder's signature-check limit) ran out. */
    private boolean totalExhausted;

    LinkSignatures(SignatureVerifier verifier, int limit) {
        this.verifier = verifier;
        this.budget = new VerificationBudget(limit);
    }

    /** Whether {@code child} is signed by {@code issuer}'s key. */
    Verdict verify(Certificate child, Certificate issuer) {
        Link key = new Link(issuer.publicKey(), child);
        Boolean known = verdicts.get(key);
        if (known != null) {
            return known ? Verdict.VALID : Verdict.INVALID;
        }
        if (child.isSynthetic()) {
            verdicts.put(key, false); // a synthetic anchor has no real signature to check
            return Verdict.INVALID;
        }
        if (!TotalVerificationBudget.charge(TotalVerificationBudget.Kind.CERTIFICATE, key)) {
            exhausted = true;
            totalExhausted = true;
            return Verdict.BUDGET_EXHAUSTED;
        }
        SignatureVerdict v = verifier.verify(child, issuer.publicKey(), budget);
        if (v == SignatureVerdict.BUDGET_EXHAUSTED) {
            exhausted = true;
            return Verdict.BUDGET_EXHAUSTED;
        }
        boolean ok = v == SignatureVerdict.VALID;
        verdicts.put(key, ok);
        return ok ? Verdict.VALID : Verdict.INVALID;
    }

    /**
     * Self-signed = self-issued (normalized names) and verifies with its own key; for a synthetic
     * anchor, the trust store's fact. A check the budget cannot pay for counts as not self-signed.
     */
    boolean isSelfSigned(Certificate c) {
        Boolean known = selfSigned.get(c);
        if (known != null) {
            return known;
        }
        boolean v;
        if (c.syntheticSelfSigned().isPresent()) {
            v = c.syntheticSelfSigned().get();
        } else {
            v = c.isSelfIssued() && verify(c, c) == Verdict.VALID;
        }
        if (!(c.isSelfIssued() && exhausted && !v)) {
            selfSigned.put(c, v);
        }
        return v;
    }

    /**
     * As {@link #isSelfSigned}, but empty when the answer is unknown: a self-issued certificate whose
     * self-signature the budget could not pay for. Where "not self-signed" would grant trust (§7.3
     * TrustAsRoot), unknown must not be read as "no".
     */
    Optional<Boolean> selfSignedIfKnown(Certificate c) {
        Boolean known = selfSigned.get(c);
        if (known != null) {
            return Optional.of(known);
        }
        if (c.syntheticSelfSigned().isPresent() || !c.isSelfIssued()) {
            return Optional.of(isSelfSigned(c));
        }
        Verdict v = verify(c, c);
        if (v == Verdict.BUDGET_EXHAUSTED) {
            return Optional.empty();
        }
        selfSigned.put(c, v == Verdict.VALID);
        return Optional.of(v == Verdict.VALID);
    }

    int used() {
        return budget.used();
    }

    int limit() {
        return budget.limit();
    }

    boolean exhausted() {
        return exhausted;
    }

    /** The limit that ran out: the evaluation's total verifications, or this search's signature checks. */
    String limitName() {
        return totalExhausted ? "maxVerifications" : "maxSignatureChecks";
    }
}
