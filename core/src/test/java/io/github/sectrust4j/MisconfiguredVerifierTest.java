package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.MisconfiguredVerifier;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * A {@code -Dsectrust4j.verifier} naming an unknown or unavailable backend is an error of the evaluation
 * (an {@link IllegalStateException} naming the property, its value and the values it takes), whatever the
 * chain needs: never findings, never "trusted".
 */
class MisconfiguredVerifierTest {
    private static final String HOST = "www.misconfigured.example";
    private static final TestPki PKI = TestPki.seeded(17_06);
    private static final TestChain CHAIN = PKI.chain(HOST);

    private static SecTrust device() {
        return SecTrust.ios("17.4").forServer(HOST).at(PKI.now());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertMisconfigured(
            String value, java.util.function.Supplier<TrustReport> evaluation) {
        return assertThatThrownBy(() -> MisconfiguredVerifier.with(value, evaluation))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sectrust4j.verifier=" + value)
                .hasMessageContaining("auto, bc, native, accp, conscrypt");
    }

    @Test
    void anUnknownVerifier_failsAnEvaluationThatVerifiesSignatures() {
        SecTrust anchored = device().withAnchors(Cert.fromDer(CHAIN.root().der()));
        Cert[] chain = {
            Cert.fromDer(CHAIN.leaf().der()), Cert.fromDer(CHAIN.intermediate().der())
        };
        assertThat(anchored.evaluate(chain).trusted()).isTrue();

        assertMisconfigured("nonsense", () -> anchored.evaluate(chain))
                .hasMessageContaining("unknown signature verifier 'nonsense'");
    }

    @Test
    void anUnknownVerifier_failsAnEvaluationThatNeedsNoSignature_insteadOfFindings() {
        // the issuer is unknown: no signature to verify, the answer would be "not trusted" with findings
        Cert leaf = Cert.fromDer(CHAIN.leaf().der());
        TrustReport plain = device().evaluate(leaf);
        assertThat(plain.trusted()).isFalse();
        assertThat(plain.failures()).isNotEmpty();

        assertMisconfigured("nonsense", () -> device().evaluate(leaf));
    }

    @Test
    void anUnknownVerifier_failsAnEvaluationOfAnAnchoredLeaf_insteadOfTrusted() {
        Cert leaf = Cert.fromDer(CHAIN.leaf().der());
        SecTrust leafAnchored = device().withAnchors(leaf);
        assertThat(leafAnchored.evaluate(leaf).trusted()).isTrue();

        assertMisconfigured("Bouncy Castle", () -> leafAnchored.evaluate(leaf));
    }

    @Test
    void aKnownVerifier_evaluatesAsBefore() {
        Cert leaf = Cert.fromDer(CHAIN.leaf().der());
        SecTrust leafAnchored = device().withAnchors(leaf);
        assertThat(MisconfiguredVerifier.with("bc", () -> leafAnchored.evaluate(leaf))
                        .trusted())
                .isTrue();
    }
}
