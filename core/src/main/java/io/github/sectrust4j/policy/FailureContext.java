package io.github.sectrust4j.policy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;

/**
 * What a message or remedy may refer to besides the failure's own evidence: the path it was recorded on, the
 * request and the release's rules.
 */
public record FailureContext(Failure failure, CandidatePath path, EvaluationRequest request, RuleSet rules) {

    /** The certificate the failure is recorded at (the leaf for chain-wide failures). */
    public Certificate certificate() {
        int i = failure.index();
        return i >= 0 && i < path.size() ? path.get(i) : path.leaf();
    }

    /** "leaf 'www.contoso.com' (certificate 0)", "intermediate …", "anchor …", or "the chain". */
    public String position() {
        return Messages.position(path, failure.index());
    }

    /** The certificate's display name (CN, else the subject). */
    public String displayName() {
        return PathFacts.displayName(certificate());
    }
}
