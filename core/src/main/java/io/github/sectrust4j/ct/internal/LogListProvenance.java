package io.github.sectrust4j.ct.internal;

/**
 * Where the trusted-log set came from, which decides whether iOS enforces CT at all (spec §8.1
 * condition 3, §10). iOS enforces only if the device checked in with the trust-supplementals asset
 * within the last 60 days, or if the caller supplied trusted logs ({@code SecTrustSetTrustedLogs}).
 *
 * <p>Default: {@link #RELEASE_LIST_FRESH} — the simulator assumes a device that keeps its bundled list
 * of the selected release up to date. Override with {@link #RELEASE_LIST_STALE} to model a device that
 * has not checked in for 60 days (no enforcement, and EV then does not need CT).
 */
public enum LogListProvenance {
    /** The release's own list, checked in within 60 days: CT is enforced. The default. */
    RELEASE_LIST_FRESH,
    /** The release's own list, not refreshed for more than 60 days: CT is not enforced. */
    RELEASE_LIST_STALE,
    /** Logs supplied by the caller (a request's {@code ctLogs}): replaces the list and forces enforcement. */
    CALLER_SUPPLIED;

    /** True if CT enforcement is active with this list (§8.1 condition 3). */
    public boolean enforces() {
        return this != RELEASE_LIST_STALE;
    }
}
