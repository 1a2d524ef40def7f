package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.KeyUsageCheck.MissingKeyUsage;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyUsageCheckTest {
    private final TestPki pki = TestPki.seeded(36);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();
    private final int keyEncipherment = KeyUsage.KEY_ENCIPHERMENT.bits();

    @Test
    void aLeafHoldingTheRequiredUsage_passes() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE | CertificateBuilder.KU_KEY_ENCIPHERMENT)
                        .build(),
                ca,
                root);
        EvaluationRequest r = new Req(pki.now()).build(c).withRequiredKeyUsage(keyEncipherment);
        assertThat(CheckTestSupport.run(KeyUsageCheck.INSTANCE, path(Anchor.APP, c), r))
                .isEmpty();
    }

    @Test
    void aLeafWithoutTheRequiredUsage_failsWithRequiredPresentAndMissing() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE)
                        .build(),
                ca,
                root);
        CandidatePath p = path(Anchor.APP, c);
        EvaluationRequest r = new Req(pki.now()).build(c).withRequiredKeyUsage(keyEncipherment);
        Explained e = CheckTestSupport.recorded(KeyUsageCheck.INSTANCE, FindingCode.KEY_USAGE, p, r);
        assertThat(e.failure().evidence(MissingKeyUsage.class))
                .isEqualTo(new MissingKeyUsage(keyEncipherment, KeyUsage.DIGITAL_SIGNATURE.bits()));
        assertThat(e.failure().evidence().fields())
                .containsExactly(
                        Map.entry("requiredKeyUsage", List.of("keyEncipherment")),
                        Map.entry("presentKeyUsage", List.of("digitalSignature")),
                        Map.entry("missingKeyUsage", List.of("keyEncipherment")));
        assertThat(e.message())
                .isEqualTo(
                        "KeyUsage: leaf 'a.contoso.com' (certificate 0) has keyUsage [digitalSignature] without "
                                + "[keyEncipherment], which the SSL policy requires (SecPolicyCreateSSLWithKeyUsage [keyEncipherment]).");
        assertThat(e.remedy())
                .isEqualTo("Reissue the server certificate 'a.contoso.com' with keyUsage [keyEncipherment] (the app's"
                        + " SSL policy requires it: SecPolicyCreateSSLWithKeyUsage), or without a keyUsage extension; it has "
                        + "[digitalSignature].");
        assertThat(e.rule().summary()).contains("SecPolicyCreateSSLWithKeyUsage");

        // the parent checks' keyCertSign failure shares the code and is explained as the CA rule
        Failure parent = Failure.of(FindingCode.KEY_USAGE, 1, new io.github.sectrust4j.policy.rfc5280.NoKeyCertSign(1));
        Explained ca = CheckTestSupport.explain(parent, p, r);
        assertThat(ca.message())
                .isEqualTo(
                        "KeyUsage: intermediate 'Contoso Issuing CA' (certificate 1) {required=keyCertSign, keyUsageBits=1}.");
        assertThat(ca.remedy()).startsWith("Reissue the CA certificate 'Contoso Issuing CA' with keyUsage keyCertSign");
        assertThat(ca.rule().summary()).contains("keyCertSign");
    }
}
