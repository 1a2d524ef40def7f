package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.DerivedFact;
import io.github.sectrust4j.truststores.HardCodedTrust;

/**
 * Membership of a certificate in Apple's hard-coded root lists (§1.3, §11.5), by SHA-256, worked out
 * once per certificate object (every candidate path asks again for its top).
 */
public final class HardCodedRoots {
    private static final DerivedFact<Boolean> APPLE_ROOT = DerivedFact.of(c -> HardCodedTrust.isAppleRoot(c.sha256()));
    private static final DerivedFact<Boolean> WOSIGN_STARTCOM_ROOT =
            DerivedFact.of(c -> HardCodedTrust.isWoSignStartComRoot(c.sha256()));

    private HardCodedRoots() {}

    /** One of Apple's own roots ({@link HardCodedTrust#isAppleRoot}). */
    public static boolean isAppleRoot(Certificate c) {
        return APPLE_ROOT.of(c);
    }

    /** One of the WoSign/StartCom roots of the issuance-date block ({@link HardCodedTrust#isWoSignStartComRoot}). */
    public static boolean isWoSignStartComRoot(Certificate c) {
        return WOSIGN_STARTCOM_ROOT.of(c);
    }
}
