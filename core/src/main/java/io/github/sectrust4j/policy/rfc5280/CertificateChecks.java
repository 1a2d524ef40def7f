package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Instant;
import java.util.List;

/**
 * The per-certificate checks that both the parent checks (§1.6 items 1–3) and RFC 5280 processing
 * (§2.3 item 6) run: temporal validity, weak key, MD2/4/5 signature ({@link Rfc5280Check#EACH_CERTIFICATE}).
 */
final class CertificateChecks {
    private CertificateChecks() {}

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

    /** §4.1 weak key. */
    static void weakKey(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Certificate cert = path.get(index);
        if (cert.publicKey().isWeak()) {
            out.add(ReleaseRules.weakKey(
                    rules,
                    index,
                    path.topIndex(),
                    new WeakPublicKey(cert.publicKey().toString())));
        }
    }

    /** §2.2 WeakSignature: MD2/4/5 unless the certificate is self-signed. */
    static void weakSignature(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Certificate cert = path.get(index);
        if (cert.signatureHash().failsWeakSignature() && !path.selfSignedAt(index)) {
            out.add(ReleaseRules.weakSignature(
                    rules,
                    index,
                    new WeakSignatureHash(
                            cert.tbsSignatureAlgorithm().oid(),
                            cert.signatureHash().name())));
        }
    }
}
