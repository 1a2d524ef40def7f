package io.github.sectrust4j.engine;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says how a release outside the modelled table was evaluated (§13, {@link IosRelease}): after the newest
 * modelled one with the newest rules and trust store, before 8.3 with the oldest store. One informational
 * {@code IosRelease} finding, appended; the verdict is unchanged.
 */
public final class ReleaseNotes {
    private ReleaseNotes() {}

    public static TrustReport annotate(TrustReport report, EvaluationRequest request) {
        IosRelease release = request.release();
        if (!release.afterNewestModelled() && !release.beforeFirstTrustStore()) {
            return report;
        }
        AppleTrustStore store = release.trustStore();
        boolean storeFromRelease =
                request.systemStore().map(s -> s.version() == store.version()).orElse(false);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("requested", release.toString());
        String message;
        Rule rule;
        if (release.afterNewestModelled()) {
            evidence.put("rulesOf", IosRelease.NEWEST.toString());
            message = "iOS " + release + " is newer than the newest release modelled (" + IosRelease.NEWEST
                    + "): evaluated with the rules of iOS " + IosRelease.NEWEST;
            rule = Rule.of(
                    "§13",
                    "a release after the newest modelled one is evaluated with the newest rules and "
                            + "trust store; later changes by Apple are not known to this version",
                    Confidence.INFERRED);
        } else {
            message = "iOS " + release + " predates Apple's versioned trust stores (the first is iOS "
                    + IosRelease.FIRST_TRUST_STORE + "): evaluated with the rules of iOS " + release;
            rule = Rule.of(
                    "§11.6",
                    "releases before 8.3 use the oldest bundled trust store, the closest data there " + "is",
                    Confidence.INFERRED);
        }
        if (storeFromRelease) {
            evidence.put("trustStoreVersion", store.version());
            message += " and the trust store " + store.version() + " (" + String.join(", ", store.iosReleases()) + ")";
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(new Finding(
                FindingCode.IOS_RELEASE,
                Severity.INFO,
                -1,
                "",
                message + ".",
                evidence,
                rule,
                "Nothing to fix on the server; for a release newer than the library, check for a newer sectrust4j."));
        return new TrustReport(
                report.result(),
                report.error(),
                report.path(),
                findings,
                report.release(),
                report.trustStoreVersion(),
                report.policy(),
                report.host(),
                report.evaluatedAt(),
                report.info());
    }
}
