package io.github.sectrust4j.revocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** §9.1 and §9.2 step 1: which positions are checked, and §9.5 RevocationResponseRequired. */
class RevocationScopeTest {
    private static final OcspScene CHAIN = new OcspScene();

    @Test
    void topOfPath_isNeverChecked() {
        assertThat(RevocationScope.ocspSkipReason(CHAIN.issuer.der(), 1, 2, false))
                .contains(SkipReason.TOP_OF_PATH);
        assertThat(RevocationScope.validSkipReason(2, 3, false)).contains(SkipReason.TOP_OF_PATH);
    }

    @Test
    void selfSignedCertificate_isNeverChecked() {
        assertThat(RevocationScope.ocspSkipReason(CHAIN.issuer.der(), 0, 2, true))
                .contains(SkipReason.SELF_SIGNED);
    }

    @Test
    void ocspNoCheckExtension_skipsOcspOnly() {
        assertThat(RevocationScope.ocspSkipReason(CHAIN.responder.der(), 0, 2, false))
                .contains(SkipReason.OCSP_NO_CHECK);
        assertThat(RevocationScope.validSkipReason(0, 2, false)).isEmpty();
    }

    @Test
    void ordinaryLeaf_isChecked() {
        assertThat(RevocationScope.ocspSkipReason(CHAIN.leaf.der(), 0, 2, false))
                .isEmpty();
        assertThat(RevocationResult.notChecked(1, SkipReason.TOP_OF_PATH).evidence())
                .containsEntry("skipped", "TOP_OF_PATH");
    }

    @Test
    void positionOutsideThePath_isRejected() {
        assertThatThrownBy(() -> RevocationScope.validSkipReason(3, 3, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requirePositive_leafWithoutResponse_failsOnlyWithNetwork() {
        assertThat(ResponseRequirement.fails(true, false, true, true, false)).isTrue();
        assertThat(ResponseRequirement.fails(true, false, true, false, false)).isFalse();
    }

    @Test
    void requirePositive_leafWithResponse_passes() {
        assertThat(ResponseRequirement.fails(true, false, true, true, true)).isFalse();
    }

    @Test
    void requirePositive_appliesToTheLeafOnly_unlessValidRequiresIt() {
        assertThat(ResponseRequirement.fails(true, false, false, true, false)).isFalse();
        assertThat(ResponseRequirement.fails(false, true, false, true, false)).isTrue();
        assertThat(ResponseRequirement.fails(false, true, false, false, false)).isFalse();
        assertThat(ResponseRequirement.fails(false, false, true, true, false)).isFalse();
    }
}
