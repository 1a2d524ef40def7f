package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.BasicConstraints;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.NameConstraints;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.names.NameConstraintCheck;
import io.github.sectrust4j.policy.names.NameConstraintState;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Apple's "RFC 5280 basic certificate processing" path check (spec §2.3), run once per candidate
 * path after {@code IdLinkage} (§1.6 path checks, item 2). A pure function of the path, the anchor
 * trust decision and the request; thread-safe.
 *
 * <p>What it records, in Apple's order:
 * <ol>
 *   <li>anchor trust (§2.3 items 1–2): a trusted anchor is excluded from processing except for its
 *       temporal validity; an untrusted top gets {@code AnchorTrusted} (self-signed) or
 *       {@code MissingIntermediate} (not self-signed; {@code AnchorTrusted} before iOS 11.3) at the
 *       top index and is processed like any other certificate;</li>
 *   <li>for each processed certificate from the top down to the leaf: temporal validity, weak key and
 *       MD2/4/5 signature (names and severities by release, see {@link ParentChecks}); name
 *       constraints for certificates that are not self-issued and for the leaf; for CA positions the
 *       merge of their nameConstraints (unsupported critical form, ≥ 1024 subtrees →
 *       {@code NameConstraints} at that CA), the path length ({@code BasicConstraintsPathLen}) and
 *       unknown critical extensions ({@code CriticalExtensions});</li>
 *   <li>the certificate-policy tree → {@code PolicyConstraints} at index 0;</li>
 *   <li>the leaf's unknown critical extensions → {@code CriticalExtensions} at index 0.</li>
 * </ol>
 * Before iOS 11.3, name- and policy-constraint failures are recorded as
 * {@code BasicCertificateProcessing} and path-length failures as {@code BasicConstraints} (§13.3).
 * Each of these steps runs only when its {@link Rfc5280Check} is in the release's set ({@link Rfc5280Rules#checks()},
 * from the descriptors of the check catalogue); the order is Apple's, fixed here.
 *
 * <p>The parent checks of CA positions (basicConstraints, keyCertSign) are not part of this step:
 * see {@link ParentChecks}. The anchor-trust decision itself (usage constraints, §7.3) is the
 * caller's: pass it as {@code topTrusted}.
 */
public final class BasicCertificateProcessing {
    private BasicCertificateProcessing() {}

    /**
     * Runs the processing.
     *
     * @param path       the candidate path, leaf first (anchored or not)
     * @param topTrusted the top is an anchor whose usage constraints make it trusted for this
     *                   evaluation (§2.3 item 1; empty constraints = trusted); ignored (false) when the
     *                   path is not anchored
     * @param request    supplies the verify time
     * @param rules      the release's facts (check names, severities)
     * @return the failures in recording order; empty when the path passes
     */
    public static List<Failure> process(
            CandidatePath path, boolean topTrusted, EvaluationRequest request, Rfc5280Rules rules) {
        requireNonNull(path, "path");
        requireNonNull(request, "request");
        requireNonNull(rules, "rules");
        List<Failure> out = new ArrayList<>();
        int top = path.topIndex();
        boolean trusted = topTrusted && path.anchored();
        boolean nameConstraints = rules.runs(Rfc5280Check.NAME_CONSTRAINTS);
        int processed = path.size();

        NameConstraintState names = NameConstraintState.unconstrained();
        int maxPathLength;
        int constrainedBy = -1;
        int constrainedTo = -1;
        if (trusted) {
            processed--;
            if (rules.runs(Rfc5280Check.TEMPORAL_VALIDITY)) {
                CertificateChecks.temporalValidity(path, top, request, rules, out);
            }
            Certificate anchor = path.top();
            Optional<NameConstraints> nc = anchor.nameConstraints();
            if (nc.isPresent() && nameConstraints) {
                names = mergeNameConstraints(names, nc.get(), top, rules, out);
            }
            maxPathLength = processed;
            Integer anchorLimit = anchor.basicConstraints()
                    .map(BasicConstraints::pathLenConstraint)
                    .orElse(null);
            if (anchorLimit != null && anchorLimit < maxPathLength) {
                maxPathLength = anchorLimit;
                constrainedBy = top;
                constrainedTo = anchorLimit;
            }
        } else {
            Rfc5280Check untrusted =
                    path.topSelfSigned() ? Rfc5280Check.ANCHOR_TRUSTED : Rfc5280Check.MISSING_INTERMEDIATE;
            if (rules.runs(untrusted)) {
                FindingCode code =
                        path.topSelfSigned() ? FindingCode.ANCHOR_TRUSTED : ReleaseRules.missingIntermediate(rules);
                out.add(Failure.of(
                        code,
                        top,
                        new UntrustedTop(
                                path.anchored(),
                                path.topSelfSigned(),
                                path.top().subject().toString())));
            }
            maxPathLength = processed;
        }
        int belowConstraint = 0;

        for (int i = processed - 1; i >= 0; i--) {
            Certificate cert = path.get(i);
            boolean selfIssued = cert.isSelfIssued();
            Rfc5280Check.run(Rfc5280Check.EACH_CERTIFICATE, path, i, request, rules, out);
            // past the subtree limit the path has already failed NameConstraints (§2.3 item 6): matching every
            // name against every subtree (quadratic; tens of seconds for absurd certificates) changes nothing
            // with no constraint in force every name passes (NameConstraintState#permits): the certificate's names
            // (worked out once per certificate, so once per distinct leaf) are not needed
            if (nameConstraints
                    && !names.isUnconstrained()
                    && (!selfIssued || i == 0)
                    && !names.subtreeLimitExceeded()) {
                NameConstraintCheck check = names.permits(Names.of(cert));
                if (!check.permitted()) {
                    out.add(Failure.of(
                            ReleaseRules.nameConstraints(rules),
                            i,
                            new NameConstraintFailure.NameOutsideSubtrees(
                                    check.outcome().name(),
                                    check.violatingName().map(Object::toString),
                                    check.subtree().map(Object::toString),
                                    check.explain())));
                }
            }
            if (i == 0) {
                break;
            }
            // §6.1.4 (g), (h): the CA's own name constraints
            Optional<NameConstraints> nc = cert.nameConstraints();
            if (nc.isPresent() && nameConstraints) {
                names = mergeNameConstraints(names, nc.get(), i, rules, out);
            }
            // §6.1.4 (l), (m): path length
            if (!selfIssued) {
                belowConstraint++;
                if (maxPathLength > 0) {
                    maxPathLength--;
                } else if (rules.runs(Rfc5280Check.PATH_LENGTH)) {
                    Optional<PathTooLong.Constraint> limit = constrainedBy >= 0
                            ? Optional.of(new PathTooLong.Constraint(constrainedBy, constrainedTo, belowConstraint))
                            : Optional.empty();
                    out.add(Failure.of(ReleaseRules.pathLength(rules), i, new PathTooLong(limit)));
                }
            }
            Integer own = cert.basicConstraints()
                    .map(BasicConstraints::pathLenConstraint)
                    .orElse(null);
            if (own != null && own < maxPathLength) {
                maxPathLength = own;
                constrainedBy = i;
                constrainedTo = own;
                belowConstraint = 0;
            }
            if (rules.runs(Rfc5280Check.CRITICAL_EXTENSIONS)) {
                criticalExtensions(path, i, request, rules, out);
            }
        }

        if (rules.runs(Rfc5280Check.POLICY_CONSTRAINTS)) {
            PolicyTree.Outcome policies = PolicyTree.evaluate(path.certificates(), processed);
            if (!policies.valid()) {
                out.add(Failure.of(ReleaseRules.policyConstraints(rules), 0, policies.failure()));
            }
        }
        // the leaf is always reported at index 0, even when it is itself the trusted anchor (§2.3 item 7)
        if (rules.runs(Rfc5280Check.CRITICAL_EXTENSIONS)) {
            criticalExtensions(path, 0, request, rules, out);
        }
        return List.copyOf(out);
    }

    /** §2.2 CriticalExtensions: extensions marked critical that iOS does not know. */
    static void criticalExtensions(
            CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules, List<Failure> out) {
        Certificate cert = path.get(index);
        if (!cert.unknownCriticalExtensions().isEmpty()) {
            out.add(Failure.of(
                    FindingCode.CRITICAL_EXTENSIONS,
                    index,
                    new UnknownCriticalExtensions(List.copyOf(new TreeSet<>(cert.unknownCriticalExtensions())))));
        }
    }

    private static NameConstraintState mergeNameConstraints(
            NameConstraintState state, NameConstraints nc, int index, Rfc5280Rules rules, List<Failure> out) {
        if (nc.critical() && nc.hasUnsupportedForms()) {
            out.add(Failure.of(
                    ReleaseRules.nameConstraints(rules),
                    index,
                    new NameConstraintFailure.UnsupportedForms(
                            nc.permitted().unsupportedForms() + nc.excluded().unsupportedForms())));
        }
        NameConstraintState next = state.withCa(Names.subtrees(nc.permitted()), Names.subtrees(nc.excluded()));
        if (next.subtreeLimitExceeded() && !state.subtreeLimitExceeded()) {
            out.add(Failure.of(
                    ReleaseRules.nameConstraints(rules),
                    index,
                    new NameConstraintFailure.TooManySubtrees(
                            next.subtreeCount(), NameConstraintState.MAX_COMBINED_SUBTREES)));
        }
        return next;
    }
}
