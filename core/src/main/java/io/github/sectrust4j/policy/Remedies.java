package io.github.sectrust4j.policy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;

/** What the admin should change, in the admin's language, for each finding code. */
final class Remedies {
    private Remedies() {}

    static String remedy(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        String remedy = remedyFor(f, path, request, rules);
        return f.index() == 0
                ? wrongOrder(request).map(hint -> hint + " " + remedy).orElse(remedy)
                : remedy;
    }

    /**
     * iOS takes the first certificate sent as the server's (§1.1): when that one is a CA and a certificate
     * that is not comes later, the server (or the file) has the chain in the wrong order, and every failure
     * at [0] is about the wrong certificate — say that first.
     */
    private static Optional<String> wrongOrder(EvaluationRequest request) {
        List<Certificate> sent = request.presented();
        if (sent.size() < 2 || !sent.get(0).isV3Ca()) {
            return Optional.empty();
        }
        for (int i = 1; i < sent.size(); i++) {
            if (!sent.get(i).isV3Ca()) {
                return Optional.of("The chain is in the wrong order: the first certificate sent, '"
                        + PathFacts.displayName(sent.get(0)) + "', is a CA, and the server's own certificate '"
                        + PathFacts.displayName(sent.get(i)) + "' comes at position " + i + ". iOS takes the first "
                        + "certificate as the server's: send the server certificate first, then its intermediates.");
            }
        }
        return Optional.empty();
    }

    /** A key too weak for iOS: reissue with RSA-2048 or P-256 (shared by KeySize and the weak-key checks). */
    static String strongerKey(String certificate, io.github.sectrust4j.cert.PublicKeyInfo key) {
        return "Reissue '" + certificate + "' with an RSA key of at least 2048 bits or an ECDSA key on P-256 or larger"
                + (key.algorithm().name().startsWith("ED")
                        ? " (iOS does not accept Ed25519/Ed448 keys for TLS servers)"
                        : "")
                + "; it has " + key + ".";
    }

    private static String remedyFor(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        java.util.Optional<CheckDescriptor> check = AppleChecks.explaining(f);
        if (check.isPresent()) {
            return check.get().remedy(f, new FailureContext(f, path, request, rules));
        }
        return "See the rule " + FindingRules.rule(f.code(), rules).section() + " for what iOS requires.";
    }
}
