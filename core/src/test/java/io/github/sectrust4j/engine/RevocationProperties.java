package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** A valid "revoked" response is never outweighed (§9.4 Outcomes: not overridable, Fatal, sticky). */
class RevocationProperties {
    static final TestPki PKI = TestPki.seeded(2560);
    static final HeldCertificate ROOT = PKI.root("Property Root").build();
    static final HeldCertificate CA = PKI.intermediate("Property CA", ROOT).build();

    @Property(tries = 40)
    void aValidRevokedResponse_isAlwaysFatalRevocation_atItsPosition(
            @ForAll RevocationReason reason,
            @ForAll @IntRange(min = 0, max = 1) int position,
            @ForAll @IntRange(min = 1, max = 4000) int daysAgo,
            @ForAll boolean wrongHost,
            @ForAll boolean alsoGood) {
        Statistics.collect(position == 0 ? "leaf revoked" : "intermediate revoked");
        Statistics.coverage(c -> {
            c.check("leaf revoked").count(n -> n > 0);
            c.check("intermediate revoked").count(n -> n > 0);
        });
        HeldCertificate leaf = PKI.leaf("example.com", CA).validForDays(90).build();
        HeldCertificate subject = position == 0 ? leaf : CA;
        HeldCertificate issuer = position == 0 ? CA : ROOT;
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(wrongHost ? "elsewhere.test" : "example.com")
                .at(PKI.now())
                .withAnchors(certs(ROOT));
        if (alsoGood) {
            // an older good response first: the revoked one (later thisUpdate) still decides
            trust = trust.withStapledOcsp(PKI.ocsp(subject, issuer)
                    .good()
                    .thisUpdate(PKI.now().minus(Duration.ofHours(3)))
                    .build());
        }
        TrustReport r = trust.withStapledOcsp(PKI.ocsp(subject, issuer)
                        .revoked(PKI.now().minus(Duration.ofDays(daysAgo)), reason)
                        .build())
                .evaluate(certs(leaf, CA));

        assertThat(r.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(r.failures().get(0).code()).isEqualTo(FindingCode.REVOCATION);
        assertThat(r.failures().get(0).certificateIndex()).isEqualTo(position);
        assertThat(r.info().revocationReason()).hasValue(reason.code());
    }
}
