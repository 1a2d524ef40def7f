package io.github.sectrust4j.policy.rfc5280;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What RFC 5280 processing and the parent checks run and how they record it in one iOS release (spec §2.1, §13.2,
 * §13.3), decided by the policy layer ({@code RuleSet.rfc5280Rules()}) so that this package reads named facts, never
 * release numbers.
 *
 * @param checks                the checks that run: those the catalogue's descriptors carry in this release (the
 *                              weak-key checks from iOS 10, {@code WeakSignature} from 11.3, the rest always)
 * @param legacyCheckNames      check names before the iOS 11.3 rename: {@code ValidLeaf}/…, {@code WeakLeaf}/…,
 *                              {@code BasicCertificateProcessing}, {@code BasicConstraints} for cA and path length,
 *                              {@code AnchorTrusted} for a missing intermediate (§13.3)
 * @param weakKeyFatal          a weak key forces Fatal (iOS 11+; Recoverable in 10.x, §13.2)
 * @param weakSignatureFatal    an MD2/4/5 signature forces Fatal (iOS 12+; Recoverable in 11.3–11.4, §13.2)
 * @param appleRootsNeverExpire Apple's hard-coded roots are never expired (iOS 26, §2.2, §13.2)
 */
public record Rfc5280Rules(
        Set<Rfc5280Check> checks,
        boolean legacyCheckNames,
        boolean weakKeyFatal,
        boolean weakSignatureFatal,
        boolean appleRootsNeverExpire) {
    public Rfc5280Rules {
        EnumSet<Rfc5280Check> copy = EnumSet.noneOf(Rfc5280Check.class);
        copy.addAll(checks);
        checks = Collections.unmodifiableSet(copy);
    }

    /** Whether {@code check} runs in this release. */
    public boolean runs(Rfc5280Check check) {
        return checks.contains(check);
    }
}
