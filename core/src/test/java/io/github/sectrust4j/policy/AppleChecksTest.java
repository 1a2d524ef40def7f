package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's invariants: one explaining check per code, and no check that runs without counting. */
class AppleChecksTest {

    @Test
    void everyRecordedCodeIsExplainedByExactlyOneCheck() {
        Set<FindingCode> seen = new HashSet<>();
        for (AppleCheck c : AppleChecks.all()) {
            // a check recording under another check's name (WoSign/StartCom under BlackListedKey) claims none
            assertThat(c.recordedAs().isEmpty() || c.recordedAs().contains(c.code())).as(c.code().code()).isTrue();
            assertThat(AppleChecks.explaining(c.code())).as(c.code() + " explained").isPresent();
            for (FindingCode code : c.recordedAs()) {
                assertThat(seen.add(code)).as(code + " explained twice").isTrue();
                assertThat(AppleChecks.explaining(code)).contains(c);
            }
        }
        assertThat(seen).isNotEmpty();
    }

    /**
     * A check that runs for a (release, policy) must be one the policy records: otherwise the recorder drops its
     * failures silently (the bug the catalogue exists to prevent).
     */
    @Test
    void everyRunningCheckCountsInItsReleaseAndPolicy() {
        List<String> silent = new ArrayList<>();
        int pairs = 0;
        for (IosRelease release : IosRelease.latestOfEachMajor()) {
            RuleSet rules = RuleSet.forRelease(release);
            for (Policy policy : Policy.values()) {
                Set<FindingCode> recorded = rules.options(policy, true);
                for (CheckStage stage : CheckStage.values()) {
                    for (AppleCheck c : AppleChecks.running(rules, policy, stage)) {
                        pairs++;
                        // under the name the recorder gives it at each position (ValidLeaf … before iOS 11.3)
                        for (int index = 0; index <= 2; index++) {
                            FindingCode code = rules.recordedCode(c.code(), index, 2);
                            if (!recorded.contains(code) && !rules.isForced(code)) {
                                silent.add(code + " runs but is not recorded: iOS " + release + ", " + policy);
                            }
                        }
                    }
                }
            }
        }
        assertThat(pairs).as("checks that ran at least once (coverage)").isPositive();
        assertThat(silent).isEmpty();
    }
}
