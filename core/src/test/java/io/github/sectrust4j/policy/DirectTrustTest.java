package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.DirectTrust.DirectAnchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code DirectTrust} note: a path anchored at a user-store certificate that is not self-signed. */
class DirectTrustTest {
    private final TestPki pki = TestPki.seeded(41);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aUserRootThatIsSelfSigned_getsNoNote() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).build(), ca, root);
        CandidatePath p =
                path(Anchor.PROFILE, c, Map.of(2, List.of(TrustSetting.of(TrustSetting.Result.TRUST_ROOT))), false);
        assertThat(CheckTestSupport.run(DirectTrust.INSTANCE, p, new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anIntermediateTrustedAsRoot_isANoteAtIt() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).build(), ca);
        CandidatePath p =
                path(Anchor.MDM, c, Map.of(1, List.of(TrustSetting.of(TrustSetting.Result.TRUST_AS_ROOT))), false);
        List<Failure> notes =
                PolicyTestSupport.validate(p, new Req(pki.now()).build(c)).notes();
        Failure n = notes.stream()
                .filter(f -> f.code() == FindingCode.DIRECT_TRUST)
                .findFirst()
                .orElseThrow();
        assertThat(n.index()).isEqualTo(1);
        assertThat(n.severity()).isEqualTo(Severity.INFO);
        DirectAnchor a = n.evidence(DirectAnchor.class);
        assertThat(a.position()).isEqualTo("intermediate");
        assertThat(a.anchorSource()).isEqualTo(io.github.sectrust4j.AnchorSource.MDM.label());
        assertThat(a.summary())
                .startsWith("an intermediate is trusted directly on this device: 'Contoso Issuing CA' (certificate 1,"
                        + " installed by MDM, trust setting TrustAsRoot)");
        assertThat(n.evidence().fields().keySet())
                .containsExactly("summary", "position", "anchorSource", "trustSettingResult");
        CheckTestSupport.Explained e = CheckTestSupport.explain(n, p, new Req(pki.now()).build(c));
        assertThat(e.message()).isEqualTo("DirectTrust: " + a.summary());
        assertThat(e.rule().section()).isEqualTo("§7.3");
        assertThat(e.remedy()).isEqualTo("None: informational.");
    }
}
