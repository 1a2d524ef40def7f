package io.github.sectrust4j.truststores;

/**
 * One row of the iOS release → trust-store version table (spec §11.6).
 *
 * @param release           iOS release, e.g. {@code "17.4"} or {@code "12.1.1"}
 * @param trustStoreVersion Apple's VersionNumber (YYYYMMDDNN) that release shipped
 * @param sourced           true where the spec cites an Apple doc / community source for the
 *                          pairing; false where it is inferred from Apple's tag/train convention
 * @param source            the basis of the pairing, in words
 */
public record IosReleaseRow(String release, int trustStoreVersion, boolean sourced, String source) {

    /** True when the pairing is the spec's inference rather than a cited source. */
    public boolean inferred() {
        return !sourced;
    }
}
