package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.appleRooted;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.PkiSeed;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.path.CandidatePath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §1.6 parent checks on CA positions. */
@ExtendWith(TestPkiExtension.class)
@PkiSeed(5280)
class ParentChecksTest {

    private static List<Failure> check(String release, Instant at, CandidatePath path, int index) {
        return ParentChecks.check(path, index, request(release, at, path.leaf()), TestPaths.rules(release));
    }

    @Test
    void wellFormedIntermediateAndRoot_pass(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        CandidatePath path = anchored(leaf, ca, root);
        assertThat(check("17.4", pki.now(), path, 1)).isEmpty();
        assertThat(check("17.4", pki.now(), path, 2)).isEmpty();
    }

    @Test
    void leafPositionIsNotAParentPosition(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        CandidatePath path = anchored(leaf, root);
        assertThatThrownBy(() -> check("17.4", pki.now(), path, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check("17.4", pki.now(), path, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, BasicConstraints", "11.2, BasicConstraints"})
    void v3CaWithoutBasicConstraints_isBasicConstraints(String release, String expected, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).noBasicConstraints().build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        List<Failure> f = check(release, pki.now(), anchored(leaf, ca, root), 1);
        assertThat(codes(f)).containsExactly(expected + "@1");
        assertThat(f.get(0).evidence().fields()).containsEntry("basicConstraints", "absent");
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({
        "17.4, BasicConstraintsCA",
        "11.3, BasicConstraintsCA",
        "11.2, BasicConstraints",
        "9.0, BasicConstraints"
    })
    void caFalseIssuer_isBasicConstraintsCaFrom11_3(String release, String expected, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).notCa().build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        List<Failure> f = check(release, pki.now(), anchored(leaf, ca, root), 1);
        assertThat(codes(f)).containsExactly(expected + "@1");
        assertThat(f.get(0).severity()).isEqualTo(Severity.RECOVERABLE);
    }

    @Test
    void v1IntermediateUnderV3Root_isBasicConstraints_butAcceptedUnderV1Root(TestPki pki) {
        HeldCertificate v3Root = pki.root("Root").build();
        HeldCertificate v1Ca = pki.intermediate("CA", v3Root).v1().build();
        HeldCertificate leaf = pki.leaf("a.example", v1Ca).build();
        assertThat(codes(check("17.4", pki.now(), anchored(leaf, v1Ca, v3Root), 1)))
                .containsExactly("BasicConstraints@1");

        HeldCertificate v1Root = pki.root("Old Root").v1().build();
        HeldCertificate v1Ca2 = pki.intermediate("CA2", v1Root).v1().build();
        HeldCertificate leaf2 = pki.leaf("b.example", v1Ca2).build();
        CandidatePath path = anchored(leaf2, v1Ca2, v1Root);
        assertThat(check("17.4", pki.now(), path, 1)).isEmpty();
        assertThat(check("17.4", pki.now(), path, 2)).isEmpty();
    }

    @Test
    void keyUsageWithoutKeyCertSign_isKeyUsage_andAbsentKeyUsageIsFine(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate bad = pki.intermediate("CA", root)
                .keyUsage(CertificateBuilder.KU_CRL_SIGN)
                .build();
        HeldCertificate none = pki.intermediate("CA2", root).noKeyUsage().build();
        HeldCertificate leaf = pki.leaf("a.example", bad).build();
        HeldCertificate leaf2 = pki.leaf("b.example", none).build();
        List<Failure> f = check("17.4", pki.now(), anchored(leaf, bad, root), 1);
        assertThat(codes(f)).containsExactly("KeyUsage@1");
        assertThat(f.get(0).evidence(NoKeyCertSign.class).keyUsageBits())
                .as("the CA's keyUsage bits: cRLSign only")
                .isEqualTo(1 << 6); // cRLSign is bit 6 (RFC 5280 §4.2.1.3)
        assertThat(f.get(0).evidence().fields()).containsEntry("required", "keyCertSign");
        assertThat(check("17.4", pki.now(), anchored(leaf2, none, root), 1)).isEmpty();
    }

    @ParameterizedTest(name = "iOS {0}: intermediate {1}, root {2}")
    @CsvSource({
        "17.4, TemporalValidity, TemporalValidity",
        "11.3, TemporalValidity, TemporalValidity",
        "11.2, ValidIntermediates, ValidRoot",
        "8.0, ValidIntermediates, ValidRoot"
    })
    void expiredCa_isNamedByRelease(String release, String intermediateCode, String rootCode, TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Root")
                .validity(now.minus(Duration.ofDays(400)), now.minusSeconds(1))
                .build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .validity(now.minus(Duration.ofDays(300)), now.minusSeconds(1))
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        CandidatePath path = anchored(leaf, ca, root);
        List<Failure> f = check(release, now, path, 1);
        assertThat(codes(f)).containsExactly(intermediateCode + "@1");
        OutsideValidityPeriod e = f.get(0).evidence(OutsideValidityPeriod.class);
        assertThat(e.notAfter()).isEqualTo(now.minusSeconds(1));
        assertThat(e.notYetValid()).isFalse();
        assertThat(f.get(0).evidence().fields())
                .containsEntry("state", "expired")
                .containsEntry("notAfter", now.minusSeconds(1).toString());
        assertThat(codes(check(release, now, path, 2))).containsExactly(rootCode + "@2");
    }

    @ParameterizedTest(name = "iOS {0}: exempt={1}")
    @CsvSource({"26.0, true", "18.4, false"})
    void expiredAppleHardCodedRoot_neverExpiresOnlyFromIos26(String release, boolean exempt, TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Apple Root CA")
                .validity(now.minus(Duration.ofDays(400)), now.minusSeconds(60))
                .build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        List<Failure> f = check(release, now, appleRooted(leaf, root), 1);
        assertThat(f.isEmpty()).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "iOS {0}: {1} {2}")
    @CsvSource({
        "17.4, WeakKeySize, FATAL",
        "11.3, WeakKeySize, FATAL",
        "11.0, WeakIntermediates, FATAL",
        "10.3, WeakIntermediates, RECOVERABLE",
        "10.0, WeakIntermediates, RECOVERABLE"
    })
    void rsa512Intermediate_isWeakKey(String release, String code, Severity severity, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).rsa(512).build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        List<Failure> f = check(release, pki.now(), anchored(leaf, ca, root), 1);
        assertThat(codes(f)).containsExactly(code + "@1");
        assertThat(f.get(0).severity()).isEqualTo(severity);
        assertThat(f.get(0).evidence(WeakPublicKey.class).key()).contains("512");
    }

    @Test
    void weakKeyRootIsNamedWeakRootBefore11_3_andAbsentBeforeIos10(TestPki pki) {
        HeldCertificate root = pki.root("Root").rsa(512).build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        CandidatePath path = anchored(leaf, root);
        assertThat(codes(check("10.2", pki.now(), path, 1))).containsExactly("WeakRoot@1");
        assertThat(check("9.3", pki.now(), path, 1)).isEmpty();
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, FATAL", "12.0, FATAL", "11.4, RECOVERABLE", "11.3, RECOVERABLE"})
    void md5SignedIntermediate_isWeakSignature(String release, Severity severity, TestPki pki) {
        HeldCertificate root = pki.root("Root").rsa(2048).build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        List<Failure> f = check(release, pki.now(), anchored(leaf, ca, root), 1);
        assertThat(codes(f)).containsExactly("WeakSignature@1");
        assertThat(f.get(0).severity()).isEqualTo(severity);
        assertThat(f.get(0).evidence(WeakSignatureHash.class).hash()).isEqualTo("MD5");
        assertThat(f.get(0).evidence().fields()).containsEntry("hash", "MD5");
    }

    @Test
    void md5SignedIntermediate_isNotCheckedBefore11_3(TestPki pki) {
        HeldCertificate root = pki.root("Root").rsa(2048).build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        assertThat(check("11.2", pki.now(), anchored(leaf, ca, root), 1)).isEmpty();
    }

    @Test
    void selfSignedMd5Root_isNotWeakSignature(TestPki pki) {
        HeldCertificate root = pki.root("Root")
                .key(KeyAlgorithm.rsa(2048))
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(check("17.4", pki.now(), anchored(leaf, root), 1)).isEmpty();
    }

    @Test
    void failuresComeInAppleCheckOrder(TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Root").rsa(2048).build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .rsa(512)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .validity(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)))
                .notCa()
                .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        assertThat(codes(check("17.4", now, anchored(leaf, ca, root), 1)))
                .containsExactly(
                        "TemporalValidity@1", "WeakKeySize@1", "WeakSignature@1", "BasicConstraintsCA@1", "KeyUsage@1");
        assertThat(FindingCode.WEAK_KEY_SIZE.defaultSeverity()).isEqualTo(Severity.FATAL);
    }

    /** Only the checks the policy hands down run (the catalogue's descriptors decide, {@code AppleChecksTest}). */
    @Test
    void aCheckNotHandedDown_doesNotRun(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate bad = pki.intermediate("CA", root)
                .keyUsage(CertificateBuilder.KU_CRL_SIGN)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", bad).build();
        CandidatePath path = anchored(leaf, bad, root);
        io.github.sectrust4j.request.EvaluationRequest request = request("17.4", pki.now(), path.leaf());
        Rfc5280Rules all = TestPaths.rules("17.4");
        assertThat(codes(ParentChecks.check(path, 1, request, all))).containsExactly("KeyUsage@1");
        assertThat(ParentChecks.check(path, 1, request, TestPaths.without(all, Rfc5280Check.KEY_CERT_SIGN)))
                .isEmpty();
    }
}
