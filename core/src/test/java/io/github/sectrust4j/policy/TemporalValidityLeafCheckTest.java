package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.TemporalValidityLeafCheck.OutsideValidity;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalValidityLeafCheckTest {
    private final TestPki pki = TestPki.seeded(32);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aLeafValidUntilTheVerifyTime_passes() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .validity(pki.now().minus(Duration.ofDays(1)), pki.now())
                        .build(),
                ca,
                root);
        assertThat(CheckTestSupport.run(
                        TemporalValidityLeafCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anExpiredLeaf_failsWithItsDates() {
        Instant notBefore = pki.now().minus(Duration.ofDays(10));
        Instant notAfter = pki.now().minusSeconds(1);
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca).validity(notBefore, notAfter).build(), ca, root);
        CandidatePath p = path(Anchor.APP, c);
        EvaluationRequest r = new Req(pki.now()).build(c);
        Explained e =
                CheckTestSupport.recorded(TemporalValidityLeafCheck.INSTANCE, FindingCode.TEMPORAL_VALIDITY, p, r);
        assertThat(e.failure().evidence(OutsideValidity.class))
                .isEqualTo(new OutsideValidity(pki.now(), notBefore, notAfter));
        assertThat(e.failure().evidence().fields())
                .containsEntry("state", "expired")
                .containsOnlyKeys("verifyTime", "notBefore", "notAfter", "state");
        assertThat(e.message())
                .isEqualTo("TemporalValidity: leaf 'a.contoso.com' (certificate 0) expired on " + notAfter
                        + " (verify time " + pki.now() + ").");
        assertThat(e.remedy())
                .isEqualTo("Renew 'a.contoso.com': it expired on " + notAfter
                        + ", and install the renewed certificate on the server.");
        assertThat(e.rule().since()).contains("11.3");

        // a user's exception turns it into a note that keeps the record, so it is still explained
        Failure note = Exceptions.note(e.failure().code(), e.failure());
        assertThat(note.evidence(OutsideValidity.class)).isEqualTo(e.failure().evidence(OutsideValidity.class));
        assertThat(CheckTestSupport.explain(note, p, r).message()).isEqualTo(e.message());
    }

    @Test
    void beforeIos11_3_itIsRecordedAsValidLeaf_withTheOldRule() {
        Instant notBefore = pki.now().plus(Duration.ofDays(1));
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .validity(notBefore, notBefore.plus(Duration.ofDays(90)))
                        .build(),
                ca,
                root);
        Explained e = CheckTestSupport.recorded(
                TemporalValidityLeafCheck.INSTANCE,
                FindingCode.VALID_LEAF,
                path(Anchor.APP, c),
                new Req(pki.now()).release("11.2").build(c));
        assertThat(e.failure().evidence().fields()).containsEntry("state", "not yet valid");
        assertThat(e.message())
                .isEqualTo("ValidLeaf: leaf 'a.contoso.com' (certificate 0) is not valid before " + notBefore
                        + " (verify time " + pki.now() + ").");
        assertThat(e.rule().summary()).contains("name before iOS 11.3");
        assertThat(e.remedy())
                .startsWith("'a.contoso.com' is not valid before " + notBefore + ": check the device clock");
    }
}
