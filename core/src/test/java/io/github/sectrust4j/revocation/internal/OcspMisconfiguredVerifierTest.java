package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.MisconfiguredVerifier;
import org.junit.jupiter.api.Test;

/** A wrong {@code -Dsectrust4j.verifier} is an error of the OCSP check, never a response whose signature fails. */
class OcspMisconfiguredVerifierTest {
    @Test
    void theValidatorRefusesToStart() {
        OcspScene scene = new OcspScene();
        byte[] good = scene.response().good().build();
        assertThat(OcspResponseValidator.check(scene.target(), good, NOW).verdict())
                .isEqualTo(OcspVerdict.ACCEPTED);

        assertThatThrownBy(() -> MisconfiguredVerifier.with(
                        "nonsense", () -> OcspResponseValidator.check(scene.target(), good, NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sectrust4j.verifier=nonsense")
                .hasMessageContaining("auto, bc, native, accp, conscrypt");
    }
}
