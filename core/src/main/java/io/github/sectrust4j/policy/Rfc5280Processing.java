package io.github.sectrust4j.policy;

import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.BasicCertificateProcessing;
import io.github.sectrust4j.policy.rfc5280.ParentChecks;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;

/**
 * Adapter to {@code policy.rfc5280} (§2.3, §1.6 parent checks). It supplies the anchor-trust decision
 * of §2.3 item 1: an anchored top is trusted when its constraints in the source that anchored it are
 * empty, or when the first matching constraint says TrustRoot/TrustAsRoot (a Deny-anchored top is not
 * trusted, so such a chain also records AnchorTrusted). Apple's hard-coded roots carry no constraints.
 */
final class Rfc5280Processing implements CertificateProcessing {
    static final Rfc5280Processing INSTANCE = new Rfc5280Processing();

    @Override
    public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules) {
        return ParentChecks.check(path, index, request, rules);
    }

    @Override
    public List<Failure> process(CandidatePath path, EvaluationRequest request, Rfc5280Rules rules) {
        return BasicCertificateProcessing.process(path, topTrusted(path, request), request, rules);
    }

    static boolean topTrusted(CandidatePath path, EvaluationRequest request) {
        if (path.anchor().isEmpty()) {
            return false;
        }
        if (path.appleRoot()) {
            return true;
        }
        List<TrustSetting> constraints = path.anchor().get().trustSettings();
        Optional<TrustSetting.Result> r = TrustSettingsEvaluation.result(constraints, path.topIndex(), request);
        return r.isPresent()
                && (r.get() == TrustSetting.Result.TRUST_ROOT || r.get() == TrustSetting.Result.TRUST_AS_ROOT);
    }
}
