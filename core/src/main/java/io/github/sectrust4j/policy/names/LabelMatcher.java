package io.github.sectrust4j.policy.names;

import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.text.AsciiCase;

/** The label matcher of spec §3.3 (iOS 10 and later). */
final class LabelMatcher {

    /** Outcome of one comparison, with what the public-suffix test said if it was asked. */
    record Outcome(boolean matched, PublicSuffixTest.Verdict publicSuffix) {
        static final Outcome NO = new Outcome(false, null);
        static final Outcome YES = new Outcome(true, null);
    }

    private LabelMatcher() {}

    /** Strips the single trailing dot of a reference (§3.3 step 1). */
    static String normalizeReference(String reference) {
        return ReferenceHost.withoutTrailingDot(reference);
    }

    /**
     * Matches reference {@code r} against presented {@code p}, which already passed the DNS filter.
     *
     * @param publicSuffixTest whether a wildcard under a public suffix is refused (iOS 10.2+)
     */
    static Outcome match(String r, String p, boolean publicSuffixTest) {
        if (r.isEmpty()) {
            return Outcome.NO;
        }
        r = normalizeReference(r);
        // naive split, as Apple's: ".example.com" has an empty left-most label (§3.3 quirk); labels are
        // walked in place from the right (no split, no substrings: this runs per presented name)
        int labels = count(p, '.') + 1;
        if (count(r, '.') + 1 != labels) {
            return Outcome.NO;
        }
        PublicSuffixTest.Verdict verdict = null;
        int pEnd = p.length();
        int rEnd = r.length();
        for (int i = labels - 1; i >= 0; i--) {
            int pStart = p.lastIndexOf('.', pEnd - 1) + 1;
            int rStart = r.lastIndexOf('.', rEnd - 1) + 1;
            int pLen = pEnd - pStart;
            if (pLen == 1 && p.charAt(pStart) == '*') {
                if (i != 0 || labels < 3) {
                    return Outcome.NO;
                }
                if (publicSuffixTest) {
                    verdict = PublicSuffixTest.classify(p.substring(2));
                    if (verdict.refusesWildcard()) {
                        return new Outcome(false, verdict);
                    }
                }
                // a whole-label wildcard matches any reference label, even an empty one
            } else if (indexOf(p, '*', pStart, pEnd) >= 0) {
                return Outcome.NO; // partial-label wildcard
            } else if (pLen != rEnd - rStart || !AsciiCase.regionEquals(p, pStart, r, rStart, pLen)) {
                return Outcome.NO; // labels differ beyond ASCII case (CFStringCompare, kCFCompareCaseInsensitive)
            }
            pEnd = pStart - 1;
            rEnd = rStart - 1;
        }
        return new Outcome(true, verdict);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i >= 0 && i < to ? i : -1;
    }
}
