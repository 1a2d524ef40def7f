package io.github.sectrust4j.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The path builder keeps a path's view when its links verify and only sets {@code signaturesVerified} (instead of
 * working the view out again). On random cross-signed graphs with user-store certificates and signature budgets
 * that often run out, the validator is handed exactly the same views in the same order, and the outcome is the
 * same, as when every view is worked out afresh (the way before).
 */
class ViewRefreshProperties {

    /** Every call the builder makes, with the view it passes. */
    private static final class Recorder implements PathValidator {
        final SimpleValidator policy = new SimpleValidator();
        final List<Object> calls = new ArrayList<>();

        @Override
        public List<Failure> leafChecks(Certificate leaf, EvaluationRequest request) {
            calls.add(leaf);
            return policy.leafChecks(leaf, request);
        }

        @Override
        public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request) {
            calls.add(List.of("parentChecks", path, index));
            return policy.parentChecks(path, index, request);
        }

        @Override
        public PathValidation validate(CandidatePath path, EvaluationRequest request) {
            calls.add(List.of("validate", path));
            return policy.validate(path, request);
        }
    }

    @Property(tries = 60)
    void keptViewsEqualViewsWorkedOutAfresh(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 7) int cas,
            @ForAll @IntRange(min = 0, max = 16) int crossSigns,
            @ForAll @IntRange(min = 1, max = 40) int maxSignatureChecks) {
        PathBuilderProperties.Graph g = PathBuilderProperties.graph(seed, cas, crossSigns, 100);
        TestRequests r = g.request();
        Random rnd = new Random(seed);
        // some pool certificates also in the user store, with or without settings (they go into the views)
        List<Certificate> pool = new ArrayList<>(r.presented.subList(1, r.presented.size()));
        pool.addAll(r.cached);
        pool.addAll(r.extraSystemRoots);
        for (Certificate c : pool) {
            if (rnd.nextInt(3) == 0) {
                Optional<List<TrustSetting>> settings = rnd.nextBoolean()
                        ? Optional.empty()
                        : Optional.of(List.of(TrustSetting.of(
                                rnd.nextBoolean() ? TrustSetting.Result.TRUST_ROOT : TrustSetting.Result.DENY)));
                r.userRoots.add(new UserRoot(c, InstallChannel.MDM, FullTrust.ON, settings));
            }
        }
        r.budget = new PathBudget(100, maxSignatureChecks, 32);
        EvaluationRequest request = r.build();

        // a fresh verifier each (no verdict cache): both builds pay for the same checks
        Recorder kept = new Recorder();
        BuildOutcome o = PathBuilder.build(request, kept, SignatureVerifier.bouncyCastle());
        Recorder afresh = new Recorder();
        BuildOutcome before = PathBuilder.buildRebuildingViews(request, afresh, SignatureVerifier.bouncyCastle());

        assertThat(kept.calls).isEqualTo(afresh.calls);
        assertThat(o).isEqualTo(before);

        boolean userSettings = kept.calls.stream()
                .anyMatch(c -> c instanceof List<?> l
                        && !((CandidatePath) l.get(1)).userTrustSettings().isEmpty());
        boolean verifiedAfterParentChecks = kept.calls.stream()
                .anyMatch(c -> c instanceof List<?> l
                        && l.get(0).equals("validate")
                        && ((CandidatePath) l.get(1)).size() > 1
                        && ((CandidatePath) l.get(1)).signaturesVerified());
        Statistics.label("budget").collect(o.signatureChecks() >= maxSignatureChecks ? "ran out" : "sufficed");
        Statistics.label("user settings in a view").collect(userSettings);
        Statistics.label("verified candidate").collect(verifiedAfterParentChecks);
        Statistics.label("budget").coverage(c -> {
            c.check("ran out").count(n -> n > 0);
            c.check("sufficed").count(n -> n > 0);
        });
        Statistics.label("user settings in a view").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("verified candidate").coverage(c -> c.check(true).count(n -> n > 0));
    }
}
