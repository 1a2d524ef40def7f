package io.github.sectrust4j.policy.names;

/** The label matcher of spec §3.3 (iOS 10 and later). */
final class LabelMatcher {

    /** Outcome of one comparison, with what the public-suffix test said if it was asked. */
    record Outcome(boolean matched, PublicSuffixTest.Verdict publicSuffix) {
        static final Outcome NO = new Outcome(false, null);
        static final Outcome YES = new Outcome(true, null);
    }

    private LabelMatcher() {
    }

    /** Strips the single trailing dot of a reference (§3.3 step 1). */
    static String normalizeReference(String reference) {
        if (reference.endsWith(".")) {
            return reference.substring(0, reference.length() - 1);
        }
        return reference;
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
        // naive split, as Apple's: ".example.com" has an empty left-most label (§3.3 quirk)
        String[] rl = r.split("\\.", -1);
        String[] pl = p.split("\\.", -1);
        if (rl.length != pl.length) {
            return Outcome.NO;
        }
        PublicSuffixTest.Verdict verdict = null;
        for (int i = pl.length - 1; i >= 0; i--) {
            String label = pl[i];
            if (label.equals("*")) {
                if (i != 0 || pl.length < 3) {
                    return Outcome.NO;
                }
                if (publicSuffixTest) {
                    verdict = PublicSuffixTest.classify(p.substring(2));
                    if (verdict.refusesWildcard()) {
                        return new Outcome(false, verdict);
                    }
                }
                // a whole-label wildcard matches any reference label, even an empty one
            } else if (label.indexOf('*') >= 0) {
                return Outcome.NO; // partial-label wildcard
            } else if (!label.equalsIgnoreCase(rl[i])) {
                return Outcome.NO;
            }
        }
        return new Outcome(true, verdict);
    }
}
