package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.CtQualificationPath;
import io.github.sectrust4j.ct.internal.LogListProvenance;
import io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.revocation.internal.RevocationSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Integration failures (revocation, CT) with their checks' evidence records, for policy tests that inject them. */
final class IntegrationEvidence {
    private IntegrationEvidence() {}

    /** A path without SCTs judged with a current list: not CT-qualified. */
    static CtEvidence unqualified(IosRelease release) {
        CtEvaluation ct = new CtEvaluation(
                release,
                true,
                false,
                CtQualificationPath.NONE,
                Optional.empty(),
                CtEvaluation.CountBasis.LOGS,
                2,
                0,
                Optional.empty(),
                List.of(),
                List.of());
        return new CtEvidence(ct, LogListProvenance.RELEASE_LIST_FRESH, 0, "test log list", Optional.empty(), false);
    }

    static Failure systemTrustedCtRequired(IosRelease release) {
        return Failure.of(
                FindingCode.SYSTEM_TRUSTED_CT_REQUIRED,
                0,
                new SystemTrustedCtRequiredCheck.NotQualified(
                        new SystemTrustedCtRequirement.Decision(
                                SystemTrustedCtRequirement.Outcome.FAILS,
                                "the leaf chains to a system root and is not CT-qualified"),
                        unqualified(release)));
    }

    /** Revoked by OCSP at {@code index}, with a CRL reason. */
    static Failure ocspRevoked(int index, int reason, Instant at) {
        RevocationResult r = new RevocationResult(
                index,
                RevocationResult.State.REVOKED,
                Optional.of(RevocationSource.OCSP),
                Optional.empty(),
                Optional.of(at),
                OptionalInt.of(reason),
                Optional.empty(),
                List.of());
        return new Failure(FindingCode.REVOCATION, index, Severity.FATAL, new RevocationCheck.OcspRevoked(r));
    }
}
