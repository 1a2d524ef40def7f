package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.IosRelease;

/**
 * The Certificate Transparency facts of one iOS release (spec §8, §13.2, §13.3), decided by the policy
 * layer ({@code RuleSet.ctRules()}) so that this package reads named facts, never release numbers.
 *
 * @param release                 the release, reported in {@link CtEvaluation#release()} and in decisions
 * @param ctEvaluation            CT code exists (iOS 9+; iOS 8 has none, §13.2)
 * @param countsByOperators       SCTs count by distinct operators, every listed log usable (iOS 9, §8.2, §8.3)
 * @param lifetimePolicyV2        lifetime policy v2 for leaves issued on or after 2021-04-21 (iOS 14.6+, §8.3)
 * @param systemTrustedCtRequired {@code SystemTrustedCTRequired} is enforced (iOS 12.1.1+, §8.1)
 * @param evRequiresCt            an EV path must be CT-qualified (iOS 10+, §8.5, §10)
 */
public record CtReleaseRules(
        IosRelease release,
        boolean ctEvaluation,
        boolean countsByOperators,
        boolean lifetimePolicyV2,
        boolean systemTrustedCtRequired,
        boolean evRequiresCt) {
    public CtReleaseRules {
        requireNonNull(release, "release");
    }
}
