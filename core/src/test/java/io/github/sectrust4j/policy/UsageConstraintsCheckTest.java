package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.UsageConstraintsCheck.DenySetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageConstraintsCheckTest {
    private final TestPki pki = TestPki.seeded(40);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();
    private final List<Certificate> chain = certs(pki.leaf("a.contoso.com", ca).build(), ca, root);

    private CandidatePath userRoot(TrustSetting.Result result) {
        return path(Anchor.PROFILE, chain, Map.of(2, List.of(TrustSetting.of(result))), false);
    }

    @Test
    void aUserRootTrustedAsRoot_recordsNothing_andTheResultIsProceed() {
        CandidatePath p = userRoot(TrustSetting.Result.TRUST_ROOT);
        assertThat(CheckTestSupport.run(UsageConstraintsCheck.INSTANCE, p, new Req(pki.now()).build(chain)))
                .isEmpty();
        PathValidation v = PolicyTestSupport.validate(p, new Req(pki.now()).build(chain));
        assertThat(v.result()).isEqualTo(SecTrustResult.PROCEED);
    }

    @Test
    void aDenySetting_isUsageConstraintsAtThatCertificate_andDenies() {
        CandidatePath p = userRoot(TrustSetting.Result.DENY);
        Explained e = CheckTestSupport.recorded(
                UsageConstraintsCheck.INSTANCE, FindingCode.USAGE_CONSTRAINTS, p, new Req(pki.now()).build(chain));
        assertThat(e.failure().index()).isEqualTo(2);
        assertThat(e.failure().severity()).isEqualTo(Severity.DENY);
        assertThat(e.failure().evidence(DenySetting.class)).isEqualTo(new DenySetting("Contoso Root CA"));
        assertThat(e.failure().evidence().fields())
                .containsExactly(Map.entry("trustSettingResult", "deny"), Map.entry("certificate", "Contoso Root CA"));
        assertThat(e.message())
                .isEqualTo("UsageConstraints: anchor 'Contoso Root CA' (certificate 2) carries a Deny trust setting.");
        assertThat(e.remedy())
                .isEqualTo(
                        "'Contoso Root CA' has a Deny trust setting on the device: remove the profile or MDM payload "
                                + "that distrusts it (Settings > General > VPN & Device Management).");
        assertThat(e.rule().section()).isEqualTo("§7.3");
        assertThat(PolicyTestSupport.validate(p, new Req(pki.now()).build(chain))
                        .result())
                .isEqualTo(SecTrustResult.DENY);
    }
}
