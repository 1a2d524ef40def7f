package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Instant;
import java.util.List;

/**
 * The per-certificate checks that both the parent checks (§1.6 items 1–3) and RFC 5280 processing
 * (§2.3 item 6) run: temporal validity, weak key, MD2/4/5 signature.
 */
final class CertificateChecks {
    private CertificateChecks() {}

    /**
     * Adds the validity, weak-key and weak-signature failures of {@code path.get(index)} to {@code out}.
     */
    static void basic(CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        temporalValidity(path, index, request, rules, out);
        Certificate cert = path.get(index);
        if (cert.publicKey().isWeak()) {
            ReleaseRules.weakKey(
                            rules,
                            index,
                            path.topIndex(),
                            new WeakPublicKey(cert.publicKey().toString()))
                    .ifPresent(out::add);
        }
        if (cert.signatureHash().failsWeakSignature() && !isSelfSigned(path, index)) {
            WeakSignatureHash ev = new WeakSignatureHash(
                    cert.tbsSignatureAlgorithm().oid(), cert.signatureHash().name());
            ReleaseRules.weakSignature(rules, index, ev).ifPresent(out::add);
        }
    }

    /** §2.2 TemporalValidity: notBefore ≤ verify time ≤ notAfter, whole seconds, inclusive. */
    static void temporalValidity(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Certificate cert = path.get(index);
        Instant at = request.verifyTime();
        if (cert.isValidAt(at)) {
            return;
        }
        if (index == path.topIndex() && path.appleRoot() && rules.appleRootsNeverExpire()) {
            return;
        }
        out.add(ReleaseRules.validity(
                rules, index, path.topIndex(), new OutsideValidityPeriod(cert.notBefore(), cert.notAfter(), at)));
    }

    /** Whether {@code path.get(index)} is self-signed (its own key verifies its signature, §2.2 WeakSignature). */
    static boolean isSelfSigned(CandidatePath path, int index) {
        return path.selfSignedAt(index);
    }
}
