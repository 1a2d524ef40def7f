package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidGroup;
import io.github.sectrust4j.revocation.ValidInfo;
import io.github.sectrust4j.revocation.ValidPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the Valid information for one chain position means (spec §9.2 "Processing"), as a pure
 * decision the evaluator applies.
 *
 * @param position               the chain position
 * @param info                   the Valid information it was decided from
 * @param immediate              failures applied regardless of OCSP: no-ca-v2 revoked (BlackListedLeaf /
 *                               GrayListedLeaf), IssuerPolicyConstraints, date constraints (Revocation reason 0 /
 *                               GrayListedKey)
 * @param determinedError        applied at the end only if no usable OCSP response was obtained for this
 *                               position: present iff the information is definitive and revoked (not no-ca-v2)
 * @param allowListed            no-ca-v2 allow list hit: the whole path is allow-listed (suppresses
 *                               BlackListedKey/GrayListedKey) and the position counts as revocation-checked
 * @param requireCt              the path must be CT-qualified (group require-ct, or a date-constraint notAfter
 *                               already past by the current clock)
 * @param ctRequiredOverridable  a CT failure from this requirement is recoverable (overridable group)
 * @param triggerOcsp            revocation checking with method "any" is switched on (network OCSP for every
 *                               position, §9.4)
 * @param groupNotAfter          the group's date-constraint notAfter, for the CT issuance-time check
 *                               ({@link #ctIssuanceFailure})
 * @param knownIntermediatesOnly the group (of this position's issuer) has known-intermediates-only
 */
public record ValidDecision(
        int position,
        ValidInfo info,
        List<ValidFailure> immediate,
        Optional<ValidFailure> determinedError,
        boolean allowListed,
        boolean requireCt,
        boolean ctRequiredOverridable,
        boolean triggerOcsp,
        Optional<Instant> groupNotAfter,
        boolean knownIntermediatesOnly) {

    public ValidDecision {
        requireNonNull(info, "info");
        immediate = List.copyOf(immediate);
        requireNonNull(determinedError, "determinedError");
        requireNonNull(groupNotAfter, "groupNotAfter");
    }

    /**
     * Decides position {@code position} (not the top; the caller skips per {@link RevocationScope}).
     *
     * @param certificateNotBefore the certificate's notBefore ("issuance" for date constraints)
     */
    public static ValidDecision decide(
            int position, ValidInfo info, Instant certificateNotBefore, ValidContext context) {
        requireNonNull(info, "info");
        requireNonNull(certificateNotBefore, "certificateNotBefore");
        requireNonNull(context, "context");
        ValidGroup group = info.group();
        boolean noCaV2 = group.has(ValidFlag.NO_CA_V2) && !context.appleAnchoredPath();
        boolean revoked = info.revoked();
        boolean definitive = info.definitive(noCaV2);
        boolean overridable = group.has(ValidFlag.OVERRIDABLE);
        boolean knownOnly = group.has(ValidFlag.KNOWN_INTERMEDIATES_ONLY);
        Optional<Instant> notAfter = group.has(ValidFlag.DATE_CONSTRAINTS) ? group.notAfter() : Optional.empty();

        if (noCaV2) {
            // Definitive: no policy/date processing and no OCSP.
            boolean allowed = group.has(ValidFlag.ALLOW_LIST) && group.has(ValidFlag.COMPLETE) && info.onList();
            List<ValidFailure> failures = revoked
                    ? List.of(ValidFailure.determined(
                            position,
                            group,
                            true,
                            true,
                            group.has(ValidFlag.ALLOW_LIST)
                                    ? "not on the issuer's Valid allow list (no-ca-v2)"
                                    : "on the issuer's Valid block list (no-ca-v2)",
                            ValidFailure.Kind.LISTED))
                    : List.of();
            return new ValidDecision(
                    position,
                    info,
                    failures,
                    Optional.empty(),
                    allowed && !revoked,
                    false,
                    false,
                    false,
                    Optional.empty(),
                    knownOnly);
        }

        List<ValidFailure> failures = new ArrayList<>();
        if (group.has(ValidFlag.POLICY_CONSTRAINTS) && context.serverAuthPolicy()) {
            group.allowedPolicies().ifPresent(allowedPolicies -> {
                if (!allowedPolicies.contains(ValidPolicy.ANY)
                        && !allowedPolicies.contains(ValidPolicy.SERVER_AUTHENTICATION)) {
                    failures.add(new ValidFailure(
                            position,
                            FindingCode.ISSUER_POLICY_CONSTRAINTS,
                            overridable ? Severity.RECOVERABLE : Severity.FATAL,
                            OptionalInt.empty(),
                            "the issuing CA's Valid policy constraints do not allow server authentication "
                                    + "(allowed: " + allowedPolicies + ")",
                            ValidFailure.Kind.POLICY_CONSTRAINTS));
                }
            });
        }

        boolean requireCt = group.has(ValidFlag.REQUIRE_CT);
        if (group.has(ValidFlag.DATE_CONSTRAINTS)) {
            if (notAfter.isPresent() && notAfter.get().isBefore(context.now())) {
                requireCt = true;
            }
            Optional<Instant> notBefore = group.notBefore();
            boolean tooEarly = notBefore.isPresent() && certificateNotBefore.isBefore(notBefore.get());
            boolean tooLate = notAfter.isPresent() && certificateNotBefore.isAfter(notAfter.get());
            // The not-before bound applies to the leaf only; iOS skips the whole check otherwise.
            if (!(tooEarly && position > 0) && (tooEarly || tooLate)) {
                String cause = "issued " + certificateNotBefore
                        + (tooEarly
                                ? " before the CA's Valid notBefore " + notBefore.get()
                                : " after the CA's Valid notAfter " + notAfter.get());
                ValidFailure.Kind kind = tooEarly
                        ? ValidFailure.Kind.ISSUED_BEFORE_NOT_BEFORE
                        : ValidFailure.Kind.ISSUED_AFTER_NOT_AFTER;
                failures.add(
                        overridable
                                ? new ValidFailure(
                                        position,
                                        FindingCode.GRAY_LISTED_KEY,
                                        Severity.RECOVERABLE,
                                        OptionalInt.empty(),
                                        cause,
                                        kind)
                                : new ValidFailure(
                                        position,
                                        FindingCode.REVOCATION,
                                        Severity.FATAL,
                                        OptionalInt.of(0),
                                        cause,
                                        kind));
            }
        }

        Optional<ValidFailure> determined = definitive && revoked
                ? Optional.of(ValidFailure.determined(
                        position,
                        group,
                        true,
                        false,
                        group.has(ValidFlag.ALLOW_LIST)
                                ? "not on the issuer's complete Valid allow list"
                                : "on the issuer's Valid block list",
                        ValidFailure.Kind.LISTED))
                : Optional.empty();
        boolean triggerOcsp = !definitive || revoked || group.has(ValidFlag.CHECK_OCSP);
        return new ValidDecision(
                position,
                info,
                failures,
                determined,
                false,
                requireCt,
                requireCt && overridable,
                triggerOcsp,
                notAfter,
                knownOnly);
    }

    /** The failures to report, given whether a usable (good or revoked) OCSP response exists for this position. */
    public List<ValidFailure> failures(boolean usableOcspResponse) {
        List<ValidFailure> all = new ArrayList<>(immediate);
        if (!usableOcspResponse) {
            determinedError.ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    /**
     * The CT constraint (§9.2, after CT evaluation): if the path's issuance time — earliest SCT
     * timestamp, or else the leaf notBefore — is later than the earliest group notAfter over the
     * path, the position holding that notAfter gets the determined error.
     */
    public static Optional<ValidFailure> ctIssuanceFailure(List<ValidDecision> decisions, Instant pathIssuance) {
        requireNonNull(pathIssuance, "pathIssuance");
        ValidDecision earliest = null;
        for (ValidDecision decision : decisions) {
            if (decision.groupNotAfter().isPresent()
                    && (earliest == null
                            || decision.groupNotAfter()
                                    .get()
                                    .isBefore(earliest.groupNotAfter().get()))) {
                earliest = decision;
            }
        }
        if (earliest == null || !pathIssuance.isAfter(earliest.groupNotAfter().get())) {
            return Optional.empty();
        }
        return Optional.of(ValidFailure.determined(
                earliest.position(),
                earliest.info().group(),
                earliest.info().revoked(),
                false,
                "issued " + pathIssuance + " (CT issuance time or leaf notBefore) " + "after the CA's Valid notAfter "
                        + earliest.groupNotAfter().get(),
                ValidFailure.Kind.ISSUED_AFTER_NOT_AFTER));
    }

    /** Evidence in a stable order. */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("position", position);
        map.putAll(info.evidence());
        map.put("allowListed", allowListed);
        map.put("requireCt", requireCt);
        map.put("triggerOcsp", triggerOcsp);
        return map;
    }
}
