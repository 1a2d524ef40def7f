package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option keys kept per (release, policy, host) are handed out as fresh sets that callers cannot corrupt. */
class RuleSetOptionsTest {

    @Test
    void options_areStablePerRelease_andAMutatedCopyDoesNotLeakIntoTheNextEvaluation() {
        RuleSet ios17 = RuleSet.forRelease(IosRelease.parse("17.4"));
        Set<FindingCode> first = ios17.options(Policy.SSL_SERVER, true);
        assertThat(first).contains(FindingCode.SSL_HOSTNAME, FindingCode.SERVER_AUTH_EKU);

        first.clear();

        assertThat(RuleSet.forRelease(IosRelease.parse("17.4")).options(Policy.SSL_SERVER, true))
                .contains(FindingCode.SSL_HOSTNAME, FindingCode.SERVER_AUTH_EKU);
        assertThat(ios17.options(Policy.SSL_SERVER, false)).doesNotContain(FindingCode.SSL_HOSTNAME);
        assertThat(ios17.options(Policy.BASIC, true))
                .doesNotContain(FindingCode.SSL_HOSTNAME, FindingCode.SERVER_AUTH_EKU);
        // release-dependent: the serverAuth EKU requirement starts with iOS 13
        assertThat(RuleSet.forRelease(IosRelease.parse("10.0")).options(Policy.SSL_SERVER, true))
                .doesNotContain(FindingCode.SERVER_AUTH_EKU);
    }
}
