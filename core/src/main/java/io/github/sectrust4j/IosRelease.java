package io.github.sectrust4j;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.IosReleaseRow;
import io.github.sectrust4j.truststores.IosReleases;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iOS release whose trust-evaluation rules apply ("the iOS version knob", spec §13).
 *
 * <p>One rule everywhere (API, {@code evaluate --ios}, batch {@code ios}, {@code stores show}): releases 8.0 to
 * 18.x and 26.0 are modelled; a release after {@link #NEWEST} (26.1, 27.0, ...) is evaluated with the newest
 * rules and trust store, and 8.0–8.2, before Apple's first versioned trust store, with the oldest store
 * ({@link #trustStore()}); the evaluation says so in an informational {@code IosRelease} finding. Refused,
 * with {@link #unsupported}'s one message: anything before 8.0, and 19–25 (iOS 26 follows 18, Apple's 2025
 * renumbering, so those releases never existed). Releases are compared numerically (17.10 &gt; 17.9).
 */
public final class IosRelease implements Comparable<IosRelease> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})(?:\\.(\\d{1,2}))?(?:\\.(\\d{1,2}))?");

    /** The oldest release modelled (spec §13.1 starts at Security-57031 = iOS 8). */
    public static final IosRelease OLDEST = new IosRelease(8, 0, 0);
    /** The newest release modelled: the baseline of the spec (iOS 26, trust store 2025072000). */
    public static final IosRelease NEWEST = new IosRelease(26, 0, 0);

    private final int major;
    private final int minor;
    private final int patch;

    private IosRelease(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /**
     * Parses "17", "17.4" or "12.1.1".
     *
     * @throws IllegalArgumentException naming the input and the supported range
     */
    public static IosRelease parse(String text) {
        checkArgument(text != null, "iOS release must not be null");
        Matcher m = FORMAT.matcher(text.trim());
        checkArgument(m.matches(), "Not an iOS release: '%s' (expected e.g. \"17.4\" or \"12.1.1\")", text);
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (major < 8 || (major > 18 && major < 26)) {
            throw new IllegalArgumentException(unsupported(text));
        }
        return new IosRelease(major, minor, patch);
    }

    /**
     * The newest modelled minor release of each major, oldest first: 8.4, 9.3, 10.3, 11.4, 12.4, 13.6,
     * 14.7, 15.6, 16.6, 17.6, 18.6, 26.0 (from the release table of spec §11.6). What {@code --ios all-major} means.
     */
    public static List<IosRelease> latestOfEachMajor() {
        return LATEST_OF_EACH_MAJOR;
    }

    private static final List<IosRelease> LATEST_OF_EACH_MAJOR = latestOfEachMajor(IosReleases.all());

    private static List<IosRelease> latestOfEachMajor(List<IosReleaseRow> rows) {
        TreeMap<Integer, IosRelease> newest = new TreeMap<>();
        for (IosReleaseRow row : rows) {
            IosRelease r = parse(row.release());
            newest.merge(r.major(), r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return List.copyOf(newest.values());
    }

    /** The one message for a refused release, wherever a release is given. */
    public static String unsupported(String text) {
        return "Unsupported iOS release '" + text + "': sectrust4j models iOS 8.0 to 18.x and 26.x (there were no "
                + "releases 19 to 25; releases after " + NEWEST + " use the newest rules and trust store)";
    }

    /** The first release with a versioned Apple trust store (§11.6). */
    public static final IosRelease FIRST_TRUST_STORE = new IosRelease(8, 3, 0);

    /** True for a release after {@link #NEWEST}: evaluated with the newest rules and trust store. */
    public boolean afterNewestModelled() {
        return compareTo(NEWEST) > 0;
    }

    /** True for 8.0–8.2: before Apple's versioned trust stores, evaluated with the oldest one. */
    public boolean beforeFirstTrustStore() {
        return compareTo(FIRST_TRUST_STORE) < 0;
    }

    /**
     * The Apple trust store this release shipped (§11.6): before 8.3 the oldest bundled one (2015032000, the
     * closest data there is [inferred]); after the newest modelled release the newest.
     */
    public AppleTrustStore trustStore() {
        if (beforeFirstTrustStore()) {
            return AppleTrustStores.version(IosReleases.oldest().trustStoreVersion());
        }
        return AppleTrustStores.forIos(afterNewestModelled() ? NEWEST.toString() : toString());
    }

    public static IosRelease of(int major, int minor) {
        return parse(major + "." + minor);
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int patch() {
        return patch;
    }

    /** True if this release is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return atLeast(major, minor, 0);
    }

    /** True if this release is {@code major.minor.patch} or later. */
    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new IosRelease(major, minor, patch)) >= 0;
    }

    public boolean before(int major, int minor) {
        return !atLeast(major, minor);
    }

    @Override
    public int compareTo(IosRelease o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IosRelease r && r.major == major && r.minor == minor && r.patch == patch;
    }

    @Override
    public int hashCode() {
        return (major * 31 + minor) * 31 + patch; // no varargs array per lookup (releases key per-release caches)
    }

    /** "17.4", or "12.1.1" when a patch level was given. */
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
