package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluation instants far outside every certificate's window (the epoch, year 1, Instant.MIN/MAX, and
 * the same for the device clock) end in a not-trusted report, never an arithmetic or date exception —
 * under every anchor kind, so CT lifetime and validity-period arithmetic run too.
 */
class ExtremeInstantTest {
    private static final HeldCertificate ROOT;
    private static final HeldCertificate ICA;
    private static final HeldCertificate LEAF;

    static {
        TestPki pki = TestPki.seeded(121);
        ROOT = pki.root("Time Root").build();
        ICA = pki.intermediate("Time Issuing CA", ROOT).build();
        LEAF = pki.leaf("example.com", ICA).validForDays(90).build();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-1000000000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "1949-12-31T23:59:59Z",
                "2050-01-01T00:00:00Z"
            })
    void farAwayInstant_isNotTrusted_underAnyAnchorKind(String text) {
        Instant at = Instant.parse(text);
        SecTrust base = SecTrust.ios("17.4").forServer("example.com").at(at);
        for (SecTrust t : new SecTrust[] {
            base.withAnchors(certs(ROOT)),
            base.withExtraSystemRoots(certs(ROOT)),
            base.withMdmRoot(certs(ROOT).get(0)),
            base.withAnchors(certs(ROOT)).deviceClock(Instant.MAX)
        }) {
            TrustReport r = t.evaluate(certs(LEAF, ICA));
            assertThat(r.trusted()).as(text + "\n" + r.explain()).isFalse();
            assertThat(r.toJson()).contains("\"trusted\":false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void farAwayDeviceClock_keepsAValidChainTrusted(String text) {
        TrustReport r = SecTrust.ios("17.4")
                .forServer("example.com")
                .at(TestPki.DEFAULT_NOW)
                .deviceClock(Instant.parse(text))
                .withAnchors(certs(ROOT))
                .evaluate(certs(LEAF, ICA));

        assertThat(r.trusted()).as(r.explain()).isTrue();
    }
}
