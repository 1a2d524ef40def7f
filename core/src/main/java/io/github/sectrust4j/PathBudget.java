package io.github.sectrust4j;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Hard limits on path building and on the verification work of one evaluation, so absurd inputs
 * (hundreds of cross-signed CAs, loops, many SCTs or stapled OCSP responses) end in a finding instead
 * of a hang (§1.4: iOS stops after 100 created paths).
 *
 * @param maxPaths            paths created before extension stops (Apple: 100)
 * @param maxSignatureChecks  certificate signature verifications of path building per evaluation (each
 *                            distinct check charged once)
 * @param maxDepth            certificates in one path; iOS has none (§1.4), so the default can never bind
 * @param maxVerifications    public-key verifications per evaluation in total: certificate, SCT and OCSP
 *                            signatures, each distinct verification charged once (a repeat is free). When it
 *                            runs out the evaluation verifies nothing more, is reported as
 *                            {@code VerificationBudgetExceeded} and is never trusted. The library's own limit
 */
public record PathBudget(int maxPaths, int maxSignatureChecks, int maxDepth, int maxVerifications) {
    /**
     * Generous enough that no legitimate chain comes near it: at most 1,000 certificate signature checks,
     * and 100 TLS SCTs and 100 stapled OCSP responses, each verified once per distinct issuer key or
     * responder.
     */
    public static final int DEFAULT_MAX_VERIFICATIONS = 5_000;

    /**
     * Apple's 100-path cap, 1000 signature checks, a depth of 102 and 5,000 verifications in total. iOS has
     * no depth limit (§1.4: a constant of 15 exists in SecTrustServer.c but is unused); every prefix of a
     * path is itself a created path and no partial is extended once more than 100 paths exist, so no path
     * can grow past 101 certificates: the cap bounds depth, and a depth of 102 can never refuse a chain iOS
     * accepts.
     */
    public static final PathBudget DEFAULT = new PathBudget(100, 1000, 102, DEFAULT_MAX_VERIFICATIONS);

    public PathBudget {
        checkArgument(maxPaths >= 1, "maxPaths must be at least 1 path, was %s", maxPaths);
        checkArgument(
                maxSignatureChecks >= 1,
                "maxSignatureChecks must be at least 1 signature check, was %s",
                maxSignatureChecks);
        checkArgument(
                maxDepth >= 2, "maxDepth must be at least 2 certificates (a leaf and its issuer), was %s", maxDepth);
        checkArgument(
                maxVerifications >= 1, "maxVerifications must be at least 1 verification, was %s", maxVerifications);
    }

    /** Path-building limits with the default total of {@link #DEFAULT_MAX_VERIFICATIONS} verifications. */
    public PathBudget(int maxPaths, int maxSignatureChecks, int maxDepth) {
        this(maxPaths, maxSignatureChecks, maxDepth, DEFAULT_MAX_VERIFICATIONS);
    }

    /** The same path-building limits with another total verification budget. */
    public PathBudget withMaxVerifications(int value) {
        return new PathBudget(maxPaths, maxSignatureChecks, maxDepth, value);
    }
}
