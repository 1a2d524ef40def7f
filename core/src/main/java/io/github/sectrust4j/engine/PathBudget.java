package io.github.sectrust4j.engine;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Hard limits on path building, so absurd inputs (hundreds of cross-signed CAs, loops) end in a
 * finding instead of a hang (§1.4: iOS stops after 100 created paths).
 *
 * @param maxPaths            paths created before extension stops (Apple: 100)
 * @param maxSignatureChecks  signature verifications per evaluation (cache hits excluded)
 * @param maxDepth            certificates in one path; iOS has none (§1.4), so the default can never bind
 */
public record PathBudget(int maxPaths, int maxSignatureChecks, int maxDepth) {
    /**
     * Apple's 100-path cap, 1000 signature checks, and a depth of 102. iOS has no depth limit (§1.4: a
     * constant of 15 exists in SecTrustServer.c but is unused); every prefix of a path is itself a created
     * path and no partial is extended once more than 100 paths exist, so no path can grow past 101
     * certificates: the cap bounds depth, and a depth of 102 can never refuse a chain iOS accepts.
     */
    public static final PathBudget DEFAULT = new PathBudget(100, 1000, 102);

    public PathBudget {
        checkArgument(maxPaths >= 1, "maxPaths must be at least 1, was %s", maxPaths);
        checkArgument(maxSignatureChecks >= 1, "maxSignatureChecks must be at least 1, was %s", maxSignatureChecks);
        checkArgument(maxDepth >= 2, "maxDepth must be at least 2, was %s", maxDepth);
    }
}
