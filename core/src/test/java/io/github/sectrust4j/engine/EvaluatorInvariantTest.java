package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.policy.Decision;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Defence in depth: whatever the policy says, the evaluator never reports "trusted" for a path that is
 * not anchored, whose links were not all verified, or that the path builder did not accept. A policy
 * that says otherwise has a bug: the evaluation fails loudly (an internal error), it is never a
 * silent "trusted".
 */
@ExtendWith(TestPkiExtension.class)
class EvaluatorInvariantTest {

    /** A policy regression: accepts every path (e.g. AnchorTrusted lost from the forced checks). */
    static final PathValidator ACCEPTS_EVERYTHING = everyPathGets(SecTrustResult.UNSPECIFIED);

    /** A validator with no leaf or parent failures that gives every path the same result. */
    static PathValidator everyPathGets(SecTrustResult result) {
        return new PathValidator() {
            @Override
            public List<Failure> leafChecks(Certificate leaf, EvaluationRequest request) {
                return List.of();
            }

            @Override
            public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request) {
                return List.of();
            }

            @Override
            public PathValidation validate(CandidatePath path, EvaluationRequest request) {
                return new PathValidation(result, List.of(), List.of());
            }
        };
    }

    @Test
    void policyAcceptingAnUnanchoredPath_isAnInternalError_neverTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Unknown Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();

        assertThatThrownBy(() -> Evaluator.evaluate(chain(leaf, root).build(), ACCEPTS_EVERYTHING, Decision::decide))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not anchored");
    }

    @Test
    void policyAcceptingAnAnchoredVerifiedPath_isTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Known Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();

        TrustReport report =
                Evaluator.evaluate(chain(leaf).appAnchor(root).build(), ACCEPTS_EVERYTHING, Decision::decide);

        assertThat(report.trusted()).isTrue();
    }

    @Test
    void decisionSayingTrustedForARejectedPath_isAnInternalError(TestPki pki) {
        HeldCertificate root = pki.root("Known Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();
        PathValidator rejects = everyPathGets(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        Evaluator.Decider buggy = (path, validation, request) ->
                new Decision(SecTrustResult.UNSPECIFIED, java.util.Optional.empty(), List.of());

        assertThatThrownBy(() -> Evaluator.evaluate(chain(leaf).appAnchor(root).build(), rejects, buggy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not accept");
    }
}
