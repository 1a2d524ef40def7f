package io.github.sectrust4j.engine;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the command line and the tests need of a {@link SecTrust} beyond its exported API: the exact
 * {@link EvaluationRequest} it would evaluate. SecTrust hands its implementation over when its class is
 * initialized (the JDK's "shared secrets" pattern), so the exported class has no public method that
 * names this non-exported package.
 */
public final class SecTrustAccess {
    private static volatile BiFunction<SecTrust, List<? extends Cert>, EvaluationRequest> requests;

    private SecTrustAccess() {}

    /** Called once, by SecTrust's static initializer. */
    public static void register(BiFunction<SecTrust, List<? extends Cert>, EvaluationRequest> implementation) {
        if (requests != null) {
            throw new IllegalStateException("SecTrust's request access is already registered");
        }
        requests = implementation;
    }

    /**
     * The exact inputs {@link SecTrust#evaluate(List)} hands to the evaluator for this chain, without
     * evaluating. When no instant was set, the evaluation instant is taken now.
     *
     * @throws io.github.sectrust4j.CertificateInputException when the chain is empty
     */
    public static EvaluationRequest request(SecTrust trust, List<? extends Cert> chain) {
        // an instance exists, so SecTrust's initializer has run and registered
        return requests.apply(trust, chain);
    }

    /** Evaluates a server's chain; entries iOS cannot parse make it Invalid (§14.2 step 1). */
    public static TrustReport evaluate(SecTrust trust, ServerChain chain) {
        return UnparseableCertificates.refuse(trust.evaluate(chain.certificates()), chain.unparseable());
    }
}
