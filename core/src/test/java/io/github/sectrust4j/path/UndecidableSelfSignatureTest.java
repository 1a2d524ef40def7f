package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.cert;
import static io.github.sectrust4j.path.TestRequests.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.cert.SignatureVerdict;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.cert.VerificationBudget;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * §7.3: TrustAsRoot anchors only a certificate that is <em>not</em> self-signed. When the budget cannot
 * pay for the self-signature check, "self-signed?" is unknown — it must not be read as "no", which would
 * make a self-signed TrustAsRoot root an anchor iOS refuses. (Reachable whenever a verifier answers some
 * checks after the budget is gone, e.g. free cache hits; simulated here by a verifier that cannot pay
 * for self-signature checks only.)
 */
@ExtendWith(TestPkiExtension.class)
class UndecidableSelfSignatureTest {

    /** Verifies links, but has no budget left for any self-signature check. */
    static final SignatureVerifier NO_BUDGET_FOR_SELF_CHECKS = new SignatureVerifier() {
        private final SignatureVerifier real = SignatureVerifier.bouncyCastle();

        @Override
        public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
            return real.verifies(child, issuerKey);
        }

        @Override
        public SignatureVerdict verify(Certificate child, PublicKeyInfo issuerKey, VerificationBudget budget) {
            if (child.publicKey().equals(issuerKey)) {
                return SignatureVerdict.BUDGET_EXHAUSTED;
            }
            return real.verifies(child, issuerKey) ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
        }
    };

    @Test
    void selfSignedRootWithTrustAsRoot_whoseSelfSignatureCannotBeChecked_isNotAnAnchor(TestPki pki) {
        HeldCertificate root = pki.root("Trust-As-Root Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();
        TestRequests r = chain(leaf);
        r.userRoots.add(new UserRoot(
                cert(root),
                InstallChannel.MDM,
                FullTrust.ON,
                Optional.of(List.of(TrustSetting.of(TrustSetting.Result.TRUST_AS_ROOT)))));

        BuildOutcome undecidable = PathBuilder.build(r.build(), new SimpleValidator(), NO_BUDGET_FOR_SELF_CHECKS);
        BuildOutcome decidable = PathBuilder.build(r.build(), new SimpleValidator(), SignatureVerifier.bouncyCastle());

        assertThat(decidable.accepted())
                .as("§7.3: a self-signed TrustAsRoot certificate is no anchor")
                .isFalse();
        assertThat(undecidable.accepted())
                .as("unknown self-signedness must not grant the anchor")
                .isFalse();
        assertThat(undecidable.bestPath().anchored()).isFalse();
    }
}
