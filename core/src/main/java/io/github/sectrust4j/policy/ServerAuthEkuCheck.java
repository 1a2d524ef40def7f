package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ServerAuthEKU} (§2.2, iOS 13+), by anchor type: system-trusted → the leaf must list
 * serverAuth explicitly whatever its date, and (iOS 14+) every sub-CA with a non-empty EKU extension
 * must list serverAuth or anyEKU (recorded at index 0); user-store anchored → skipped; other trust →
 * serverAuth required only when leaf notBefore is strictly after 2019-06-30T23:00:00Z.
 */
final class ServerAuthEkuCheck implements PathCheck {
    static final ServerAuthEkuCheck INSTANCE = new ServerAuthEkuCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        List<String> leafEku = leaf.extendedKeyUsage().orElse(List.of());
        boolean leafHasServerAuth = leafEku.contains(ExtendedKeyUsageCheck.SERVER_AUTH);
        List<Failure> out = new ArrayList<>();
        if (path.systemTrusted()) {
            if (!leafHasServerAuth) {
                out.add(Failure.of(FindingCode.SERVER_AUTH_EKU, 0, Evidence.of("anchorType", "system",
                        "position", "leaf", "required", ExtendedKeyUsageCheck.SERVER_AUTH,
                        "ekuExtensionPresent", leaf.extendedKeyUsage().isPresent(), "presentEku", leafEku)));
            }
            if (rules.serverAuthEkuSubCa()) {
                for (int i = 1; i <= path.size() - 2; i++) {
                    List<String> eku = path.get(i).extendedKeyUsage().orElse(List.of());
                    if (!eku.isEmpty() && !eku.contains(ExtendedKeyUsageCheck.SERVER_AUTH)
                            && !eku.contains(ExtendedKeyUsageCheck.ANY_EKU)) {
                        out.add(Failure.of(FindingCode.SERVER_AUTH_EKU, 0, Evidence.of("anchorType", "system",
                                "position", "sub-CA", "subCaIndex", i, "subCa", PathFacts.displayName(path.get(i)),
                                "requiredAnyOf", List.of(ExtendedKeyUsageCheck.SERVER_AUTH, ExtendedKeyUsageCheck.ANY_EKU),
                                "presentEku", eku)));
                    }
                }
            }
            return out;
        }
        if (path.userAnchored()) {
            return out;
        }
        if (leaf.notBefore().isAfter(RuleSet.JULY_2019_CUTOFF) && !leafHasServerAuth) {
            out.add(Failure.of(FindingCode.SERVER_AUTH_EKU, 0, Evidence.of("anchorType", "other",
                    "position", "leaf", "required", ExtendedKeyUsageCheck.SERVER_AUTH,
                    "ekuExtensionPresent", leaf.extendedKeyUsage().isPresent(), "presentEku", leafEku,
                    "notBefore", leaf.notBefore().toString(), "cutoff", RuleSet.JULY_2019_CUTOFF.toString())));
        }
        return out;
    }
}
