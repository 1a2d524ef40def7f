package io.github.sectrust4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default total verification budget ({@link PathBudget#DEFAULT_MAX_VERIFICATIONS}) is far from what real
 * chains need: every x509-limbo "online" chain (real servers, embedded SCTs) gets the same report with a
 * budget a hundred times smaller, and a budget of one verification does change it (so the check can fail).
 */
class VerificationBudgetMarginTest {
    private static final int HUNDREDTH = PathBudget.DEFAULT_MAX_VERIFICATIONS / 100;

    @BeforeAll
    static void data() {
        RealDataIntegrationTest.shared = io.github.sectrust4j.SharedData.root();
    }

    static Stream<Arguments> onlineCases() throws IOException {
        return RealDataIntegrationTest.onlineCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlineCases")
    void aRealChain_needsAHundredthOfTheDefault(String id, JsonNode tc) {
        List<Certificate> chain = new ArrayList<>(
                RealDataIntegrationTest.pem(tc.get("peer_certificate").asText()));
        tc.get("untrusted_intermediates").forEach(n -> chain.addAll(RealDataIntegrationTest.pem(n.asText())));
        SecTrust trust = SecTrust.ios("17.0")
                .forServer(tc.get("expected_peer_name").get("value").asText())
                .at(Instant.parse(tc.get("validation_time").asText()).plus(Duration.ofDays(7)));

        TrustReport full = trust.evaluate(chain);
        TrustReport small = trust.withBudget(PathBudget.DEFAULT.withMaxVerifications(HUNDREDTH))
                .evaluate(chain);
        TrustReport one =
                trust.withBudget(PathBudget.DEFAULT.withMaxVerifications(1)).evaluate(chain);

        assertThat(small.toJson()).as(id).isEqualTo(full.toJson());
        assertThat(full.has(FindingCode.VERIFICATION_BUDGET_EXCEEDED)).isFalse();
        assertThat(one.has(FindingCode.VERIFICATION_BUDGET_EXCEEDED))
                .as(one.explain())
                .isTrue();
        assertThat(one.trusted()).isFalse();
    }
}
