package io.github.sectrust4j.truststores;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iOS release → trust-store version, every row of spec §11.6 expanded to minor releases (and to
 * the 12.1.x patch releases, where the store changed inside a minor release). Rows are flagged
 * sourced or inferred exactly as the spec marks them.
 *
 * <p>Lookup is tolerant: {@code "17"} means 17.0, {@code "17.4.1"} resolves to the nearest known
 * release not above it (17.4), anything above the newest row resolves to the newest, and a
 * release below 8.3 (the first trust store with a VersionNumber) or a string that is not a
 * release is an {@link IllegalArgumentException} naming the supported range.
 */
public final class IosReleases {
    private static final String TRAIN = "inferred from Apple's tag/train convention (spec §11.6)";
    private static final Pattern RELEASE =
            Pattern.compile("(?:ios\\s*)?(\\d{1,4})(?:\\.(\\d{1,4}))?(?:\\.(\\d{1,4}))?");

    private static final List<IosReleaseRow> ROWS;
    /** Each row's release, parsed once (resolve runs on every evaluation: no regex per row). */
    private static final int[][] PARSED_ROWS;

    static {
        List<IosReleaseRow> r = new ArrayList<>();
        add(r, 2015032000, TRAIN, "8.3");
        add(r, 2015051300, TRAIN, "8.4");
        add(r, 2015071300, TRAIN, "9.0");
        add(r, 2015090100, TRAIN, "9.1");
        add(r, 2015111600, TRAIN + "; an Apple-derived list names 2015111600 as \"iOS 9 and later\"", "9.2", "9.3");
        add(r, 2016060200, TRAIN, "10.0");
        add(r, 2016092000, TRAIN, "10.1");
        add(r, 2016102100, TRAIN, "10.2", "10.3");
        add(r, 2017060700, TRAIN, "11.0");
        add(r, 2017081600, TRAIN, "11.1", "11.2", "11.3");
        add(r, 2018040200, TRAIN, "11.4");
        add(r, 2018071800, TRAIN, "12.0");
        add(r, 2018102200, TRAIN, "12.1");
        add(r, 2018121000, TRAIN, "12.1.1", "12.1.2", "12.1.3", "12.1.4", "12.2", "12.3", "12.4");
        add(r, 2018121000, TRAIN, "13.0", "13.1", "13.2", "13.3");
        add(r, 2020020700, TRAIN, "13.4", "13.5", "13.6");
        add(r, 2020082800, TRAIN, "14.0", "14.1", "14.2", "14.3");
        add(r, 2021021100, TRAIN, "14.4", "14.5");
        add(r, 2021060900, TRAIN, "14.6", "14.7");
        add(r, 2021072200, TRAIN, "15.0", "15.1", "15.2", "15.3");
        add(r, 2022012800, TRAIN, "15.4");
        add(r, 2022031500, TRAIN, "15.5", "15.6");
        add(r, 2022070700, TRAIN, "16.0", "16.1", "16.2", "16.3", "16.4");
        add(r, 2023032800, TRAIN, "16.5", "16.6");
        add(r, 2023071300, TRAIN, "17.0", "17.1", "17.2", "17.3");
        add(r, 2024013100, TRAIN, "17.4");
        add(r, 2024040500, TRAIN, "17.5", "17.6");
        add(
                r,
                2024051500,
                TRAIN + "; devices that took the asset show 2024051501 (iOS 18.3.2 reported with "
                        + "2024051501, Apple community)",
                "18.0",
                "18.1",
                "18.2",
                "18.3");
        r.add(new IosReleaseRow("18.4", 2025022600, true, "Apple community report (spec §11.6)"));
        r.add(new IosReleaseRow("18.5", 2025031200, true, "Apple community report (spec §11.6)"));
        r.add(new IosReleaseRow("18.6", 2025031200, false, TRAIN));
        r.add(new IosReleaseRow("26.0", 2025072000, true, "Apple community report (spec §11.6)"));
        ROWS = Collections.unmodifiableList(r);
        PARSED_ROWS = new int[ROWS.size()][];
        for (int i = 0; i < ROWS.size(); i++) {
            PARSED_ROWS[i] = parse(ROWS.get(i).release());
        }
    }

    private IosReleases() {}

    private static void add(List<IosReleaseRow> rows, int version, String source, String... releases) {
        for (String rel : releases) {
            rows.add(new IosReleaseRow(rel, version, false, source));
        }
    }

    /** Every known row, oldest first. */
    public static List<IosReleaseRow> all() {
        return ROWS;
    }

    /** The oldest supported release (8.3). */
    public static IosReleaseRow oldest() {
        return ROWS.get(0);
    }

    /** The newest known release. */
    public static IosReleaseRow newest() {
        return ROWS.get(ROWS.size() - 1);
    }

    /** The release strings that shipped trust-store {@code version} (empty if none is known). */
    public static List<String> releasesFor(int version) {
        List<String> out = new ArrayList<>();
        for (IosReleaseRow r : ROWS) {
            if (r.trustStoreVersion() == version) {
                out.add(r.release());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The row governing {@code release}: the exact row, else the nearest known release below it,
     * else (above the newest) the newest.
     *
     * @throws IllegalArgumentException if {@code release} is not of the form
     *                                  {@code major[.minor[.patch]]} or is below 8.3
     */
    public static IosReleaseRow resolve(String release) {
        int[] wanted = parse(release);
        IosReleaseRow best = null;
        for (int i = 0; i < ROWS.size(); i++) {
            if (compare(PARSED_ROWS[i], wanted) <= 0) {
                best = ROWS.get(i);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("iOS " + release.strip() + " predates the bundled trust stores; "
                    + "supported releases are " + oldest().release() + " to " + newest().release()
                    + " (later releases use the newest store)");
        }
        return best;
    }

    /** Shorthand for {@code resolve(release).trustStoreVersion()}. */
    public static int trustStoreVersionFor(String release) {
        Integer known = release == null ? null : VERSION_BY_SPELLING.get(release);
        if (known != null) {
            return known;
        }
        int version = resolve(release).trustStoreVersion();
        if (VERSION_BY_SPELLING.size() < MAX_SPELLINGS) {
            VERSION_BY_SPELLING.putIfAbsent(release, version);
        }
        return version;
    }

    /**
     * Resolved spellings (release rules ask on every evaluation): a pure function of the bundled
     * table, successes only, bounded so odd spellings cannot grow it without limit.
     */
    private static final java.util.Map<String, Integer> VERSION_BY_SPELLING =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MAX_SPELLINGS = 256;

    static int[] parse(String release) {
        if (release == null) {
            throw new IllegalArgumentException("iOS release is null; expected e.g. \"17.4\"");
        }
        int[] plain = parsePlain(release);
        if (plain != null) {
            return plain;
        }
        Matcher m = RELEASE.matcher(release.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            String shown = release.length() > 40 ? release.substring(0, 40) + "..." : release;
            throw new IllegalArgumentException("not an iOS release: \"" + shown + "\"; expected e.g. \"17.4\" "
                    + "(supported " + ROWS.get(0).release() + " to "
                    + ROWS.get(ROWS.size() - 1).release() + ")");
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            v[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
        }
        return v;
    }

    /**
     * The common form ({@code "17.4"}, {@code "12.1.1"}: one to three groups of one to four digits)
     * without the regex, which runs on every evaluation; null for anything else (the regex decides).
     */
    private static int[] parsePlain(String release) {
        int[] v = new int[3];
        int group = 0;
        int digits = 0;
        for (int i = 0; i < release.length(); i++) {
            char ch = release.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (++digits > 4) {
                    return null;
                }
                v[group] = v[group] * 10 + (ch - '0');
            } else if (ch == '.' && digits > 0 && group < 2) {
                group++;
                digits = 0;
            } else {
                return null;
            }
        }
        return digits > 0 ? v : null;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
