package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.codes;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static io.github.sectrust4j.policy.PolicyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The §7.5 anchor-type decision table, one row per test. The leaf is issued 2021-01-01, valid
 * 500 days (over 398, under 825), has no EKU extension and an RSA-1024 key, so each column's
 * rule shows up as its own failure.
 */
class AnchorTypeTableTest {
    private static final Instant NB = Instant.parse("2021-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}: system-validity={1} serverAuthEKU={2} keySize={3}")
    @CsvSource({
        "SYSTEM,             true,  true,  true",
        "APP_COPY_OF_SYSTEM, true,  true,  true",
        "APP,                false, true,  true",
        "PROFILE,            false, false, true",
        "MDM,                false, false, true"
    })
    void anchorTypeDecidesWhichRulesApply(
            Anchor anchor, boolean systemValidity, boolean serverAuthEku, boolean keySize) {
        TestPki pki = TestPki.seeded(41);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        List<Certificate> c = certs(
                pki.leaf("a.example.org", ca)
                        .rsa(1024)
                        .noExtendedKeyUsage()
                        .validity(NB, NB.plus(Duration.ofDays(500)))
                        .build(),
                ca,
                root);
        PathValidation v = validate(path(anchor, c), new Req(NB.plusSeconds(60)).build(c));
        assertThat(codes(v).contains(FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD)).isEqualTo(systemValidity);
        assertThat(codes(v).contains(FindingCode.SERVER_AUTH_EKU)).isEqualTo(serverAuthEku);
        assertThat(codes(v).contains(FindingCode.KEY_SIZE)).isEqualTo(keySize);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SYSTEM, UNSPECIFIED",
        "APP_COPY_OF_SYSTEM, UNSPECIFIED",
        "APP, UNSPECIFIED",
        "PROFILE, PROCEED",
        "MDM, PROCEED"
    })
    void resultOnSuccess_dependsOnTheAnchorType(Anchor anchor, SecTrustResult expected) {
        TestPki pki = TestPki.seeded(42);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        List<Certificate> c = certs(pki.leaf("a.example.org", ca).build(), ca, root);
        assertThat(validate(path(anchor, c), new Req(pki.now()).build(c)).result())
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void userStoreLeafItself_skipsOtherTrustValidity_serverAuthEku_andKeySize_andProceeds() {
        TestPki pki = TestPki.seeded(43);
        HeldCertificate ca = pki.root("CA").build();
        List<Certificate> c = certs(pki.leaf("a.example.org", ca)
                .rsa(1024)
                .noExtendedKeyUsage()
                .validity(NB, NB.plus(Duration.ofDays(1095)))
                .build());
        PathValidation v = validate(path(Anchor.PROFILE, c), new Req(NB.plusSeconds(60)).build(c));
        assertThat(v.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(codes(v)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void userTrustedRoot_threeYearLeafAfter2019_failsOtherTrustValidityPeriod() {
        TestPki pki = TestPki.seeded(44);
        HeldCertificate root = pki.root("Root").build();
        List<Certificate> c = certs(
                pki.leaf("a.example.org", root)
                        .validity(NB, NB.plus(Duration.ofDays(1095)))
                        .build(),
                root);
        assertThat(codes(validate(path(Anchor.PROFILE, c), new Req(NB.plusSeconds(60)).build(c))))
                .containsExactly(FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
    }
}
