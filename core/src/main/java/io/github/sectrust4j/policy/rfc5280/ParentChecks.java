package io.github.sectrust4j.policy.rfc5280;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.BasicConstraints;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.KeyUsage;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parent checks iOS runs on a CA position (§1.6): when an issuer is appended during path
 * building, and on every CA position of the best path when computing details. Pure function;
 * thread-safe.
 *
 * <ol>
 *   <li>temporal validity ({@code TemporalValidity}; before iOS 11.3 {@code ValidIntermediates} /
 *       {@code ValidRoot}); Apple's hard-coded roots never expire in iOS 26;</li>
 *   <li>weak key ({@code WeakKeySize}, Fatal; {@code WeakIntermediates}/{@code WeakRoot} before 11.3,
 *       Recoverable in 10.x, absent before 10);</li>
 *   <li>MD2/MD4/MD5 signature unless self-signed ({@code WeakSignature}; absent before 11.3,
 *       Recoverable in 11.3–11.4, Fatal from 12.0);</li>
 *   <li>v3 without basicConstraints → {@code BasicConstraints}; cA=false → {@code BasicConstraintsCA}
 *       ({@code BasicConstraints} before 11.3); a v1/v2 certificate in an intermediate position under
 *       a v3 top → {@code BasicConstraints};</li>
 *   <li>keyUsage present without keyCertSign → {@code KeyUsage}.</li>
 * </ol>
 * Each runs only when its {@link Rfc5280Check} is in the release's set ({@link Rfc5280Rules#checks()}).
 */
public final class ParentChecks {
    private ParentChecks() {}

    /**
     * Runs the parent checks on the CA at {@code index} of {@code path}.
     *
     * @param path    the path (anchored or not)
     * @param index   a CA position: {@code 1 ≤ index ≤ path.topIndex()}
     * @param request supplies the verify time
     * @param rules   the release's facts (check names, severities)
     * @return the failures in Apple's check order, each at {@code index}; empty if the CA passes
     * @throws IllegalArgumentException if {@code index} is not a CA position of the path
     */
    public static List<Failure> check(CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules) {
        requireNonNull(path, "path");
        requireNonNull(request, "request");
        requireNonNull(rules, "rules");
        checkArgument(
                index >= 1 && index <= path.topIndex(),
                "parent checks need a CA position 1..%s, got %s",
                path.topIndex(),
                index);
        List<Failure> out = new ArrayList<>();
        Rfc5280Check.run(Rfc5280Check.PARENT, path, index, request, rules, out);
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** §1.6 item 5: a CA's keyUsage, when present, includes keyCertSign. */
    static void keyCertSign(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Optional<KeyUsage> ku = path.get(index).keyUsage(); // no capturing lambda: every candidate's CAs pass here
        if (ku.isPresent() && !ku.get().keyCertSign()) {
            out.add(Failure.of(
                    FindingCode.KEY_USAGE, index, new NoKeyCertSign(ku.get().bits())));
        }
    }

    /** §1.6 item 4: a CA position is marked as a CA. */
    static void basicConstraints(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Optional<Failure> f = basicConstraints(path, index, rules, path.get(index));
        if (f.isPresent()) {
            out.add(f.get());
        }
    }

    private static Optional<Failure> basicConstraints(
            CandidatePath path, int index, Rfc5280Rules rules, Certificate cert) {
        // the evidence is built only for a failure: a passing parent (the usual case) allocates none
        if (cert.version() >= 3) {
            Optional<BasicConstraints> bc = cert.basicConstraints();
            if (bc.isEmpty()) {
                return Optional.of(Failure.of(
                        FindingCode.BASIC_CONSTRAINTS,
                        index,
                        new NotACa(cert.version(), OptionalInt.empty(), NotACa.Problem.ABSENT)));
            }
            if (!bc.get().ca()) {
                return Optional.of(Failure.of(
                        ReleaseRules.basicConstraintsCa(rules),
                        index,
                        new NotACa(cert.version(), OptionalInt.empty(), NotACa.Problem.CA_FALSE)));
            }
            return Optional.empty();
        }
        // v1/v2: accepted as a root, and as an intermediate under a v1/v2 top (§1.6 item 4)
        if (index != path.topIndex() && path.top().version() >= 3) {
            return Optional.of(Failure.of(
                    FindingCode.BASIC_CONSTRAINTS,
                    index,
                    new NotACa(
                            cert.version(),
                            OptionalInt.of(path.top().version()),
                            NotACa.Problem.OLD_VERSION_INTERMEDIATE)));
        }
        return Optional.empty();
    }
}
