package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;

/**
 * The checks of RFC 5280 processing (§2.3) and the CA-position parent checks (§1.6), in Apple's order. Which of them
 * run is not decided here: each is carried by the descriptor that explains its failures ({@code policy.AppleChecks}),
 * and the policy hands down the set that applies in a release ({@link Rfc5280Rules#checks()}).
 *
 * <p>A check on one certificate carries its function ({@link #onCertificate}); the path-wide ones (anchor trust,
 * name constraints, path length, the policy tree) carry state along the path (RFC 5280 §6.1) and are steps of
 * {@link BasicCertificateProcessing}, which runs each only when it is in the set.
 */
public enum Rfc5280Check {
    /** §2.2 notBefore ≤ verify time ≤ notAfter, on every certificate above the leaf and in processing. */
    TEMPORAL_VALIDITY(FindingCode.TEMPORAL_VALIDITY, CertificateChecks::temporalValidity),
    /** §4.1 weak key (RSA &lt; 1024, EC &lt; 160, other algorithms). */
    WEAK_KEY(FindingCode.WEAK_KEY_SIZE, CertificateChecks::weakKey),
    /** §2.2 MD2/MD4/MD5 signature of a certificate that is not self-signed. */
    WEAK_SIGNATURE(FindingCode.WEAK_SIGNATURE, CertificateChecks::weakSignature),
    /** §1.6 parent check 4: a CA position must be marked as a CA. */
    BASIC_CONSTRAINTS(FindingCode.BASIC_CONSTRAINTS_CA, ParentChecks::basicConstraints),
    /** §1.6 parent check 5: a CA's keyUsage, when present, includes keyCertSign. */
    KEY_CERT_SIGN(FindingCode.KEY_USAGE, ParentChecks::keyCertSign),
    /** §2.3 step 2: a self-signed top that is not a trusted anchor. */
    ANCHOR_TRUSTED(FindingCode.ANCHOR_TRUSTED, null),
    /** §2.3 step 2: a top that is neither a trusted anchor nor self-signed. */
    MISSING_INTERMEDIATE(FindingCode.MISSING_INTERMEDIATE, null),
    /** RFC 5280 §6.1.3 (b), (c), §6.1.4 (g): names within the CAs' subtrees. */
    NAME_CONSTRAINTS(FindingCode.NAME_CONSTRAINTS, null),
    /** RFC 5280 §6.1.4 (l), (m): pathLenConstraint. */
    PATH_LENGTH(FindingCode.BASIC_CONSTRAINTS_PATH_LEN, null),
    /** §2.2 critical extensions iOS does not know, on CA positions and the leaf. */
    CRITICAL_EXTENSIONS(FindingCode.CRITICAL_EXTENSIONS, BasicCertificateProcessing::criticalExtensions),
    /** RFC 5280 §6.1 certificate-policy tree, recorded at the leaf. */
    POLICY_CONSTRAINTS(FindingCode.POLICY_CONSTRAINTS, null);

    /** The checks run on each certificate RFC 5280 processing processes, before its path-wide steps (§2.3 item 6). */
    static final List<Rfc5280Check> EACH_CERTIFICATE = List.of(TEMPORAL_VALIDITY, WEAK_KEY, WEAK_SIGNATURE);

    /** The parent checks on a CA position, in Apple's order (§1.6 items 1–5). */
    static final List<Rfc5280Check> PARENT =
            List.of(TEMPORAL_VALIDITY, WEAK_KEY, WEAK_SIGNATURE, BASIC_CONSTRAINTS, KEY_CERT_SIGN);

    /** A check of one certificate of a path, adding its failures (under this release's names) to {@code out}. */
    @FunctionalInterface
    interface OnCertificate {
        void check(CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out);
    }

    private final FindingCode code;
    private final OnCertificate onCertificate;

    Rfc5280Check(FindingCode code, OnCertificate onCertificate) {
        this.code = code;
        this.onCertificate = onCertificate;
    }

    /** The code its failures are recorded under from iOS 11.3 (older releases rename some, §13.3). */
    public FindingCode code() {
        return code;
    }

    /** Its function on one certificate; empty for a path-wide step of {@link BasicCertificateProcessing}. */
    Optional<OnCertificate> onCertificate() {
        return Optional.ofNullable(onCertificate);
    }

    /** Runs the checks of {@code order} that are in the release's set on the certificate at {@code index}. */
    static void run(
            List<Rfc5280Check> order,
            CandidatePath path,
            int index,
            EvaluationRequest request,
            Rfc5280Rules rules,
            List<Failure> out) {
        for (int i = 0, n = order.size(); i < n; i++) { // indexed: no iterator per certificate and candidate
            Rfc5280Check c = order.get(i);
            if (rules.runs(c)) {
                c.onCertificate.check(path, index, request, rules, out);
            }
        }
    }
}
