package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.CtTestLogs.usable;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.IOS_17;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUED;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUER;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.VERIFY;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.at;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.leaf;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.MisconfiguredVerifier;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.policy.RuleSet;
import org.junit.jupiter.api.Test;

/** A wrong {@code -Dsectrust4j.verifier} is an error of the CT evaluation, never SCTs that do not verify. */
class CtMisconfiguredVerifierTest {
    private static final HeldCertificate LEAF = leaf(at(A, ISSUED), at(B, ISSUED.plusSeconds(5)));
    private static final CtLogList LOGS = list(usable(A), usable(B));
    private static final CtRequest REQUEST =
            CtRequest.builder(LEAF.der(), VERIFY).issuerSpki(spki(ISSUER)).build();
    private static final CtReleaseRules RULES = RuleSet.forRelease(IOS_17).ctRules();

    @Test
    void theEvaluatorRefusesToStart() {
        assertThat(CtEvaluator.evaluate(REQUEST, LOGS, RULES).outcomes())
                .extracting(SctOutcome::verdict)
                .containsOnly(SctVerdict.VALID)
                .hasSize(2);

        assertThatThrownBy(
                        () -> MisconfiguredVerifier.with("nonsense", () -> CtEvaluator.evaluate(REQUEST, LOGS, RULES)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sectrust4j.verifier=nonsense")
                .hasMessageContaining("auto, bc, native, accp, conscrypt");
    }

    @Test
    void anSctSignatureCheckThrows_insteadOfSayingInvalid() {
        // past the entry point (a fresh verdict cache over the process's selected backend): the
        // misconfiguration still surfaces, it is not swallowed as "signature does not verify"
        assertThatThrownBy(() -> MisconfiguredVerifier.with(
                        "nonsense",
                        () -> CtEvaluator.evaluate(
                                REQUEST, LOGS, RULES, new CachingSctVerifier(SctSignatures::verify, 10))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sectrust4j.verifier=nonsense");
    }
}
