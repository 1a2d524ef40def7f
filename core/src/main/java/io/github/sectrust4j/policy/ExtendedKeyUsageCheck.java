package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ExtendedKeyUsage} (§1.2, §2.2): the leaf needs no EKU extension or one of anyEKU,
 * serverAuth, Microsoft SGC, Netscape SGC; from iOS 16 every sub-CA (positions 1 … n−2) with a
 * non-empty EKU extension must list one of them too (failure at the sub-CA).
 */
final class ExtendedKeyUsageCheck implements PathCheck {
    static final ExtendedKeyUsageCheck INSTANCE = new ExtendedKeyUsageCheck();

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String ANY_EKU = "2.5.29.37.0";
    static final String MS_SGC = "1.3.6.1.4.1.311.10.3.3";
    static final String NS_SGC = "2.16.840.1.113730.4.1";
    static final List<String> ACCEPTED = List.of(ANY_EKU, SERVER_AUTH, MS_SGC, NS_SGC);

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        Optional<List<String>> leafEku = path.leaf().extendedKeyUsage();
        if (leafEku.isPresent() && leafEku.get().stream().noneMatch(ACCEPTED::contains)) {
            out.add(Failure.of(FindingCode.EXTENDED_KEY_USAGE, 0, evidence(path.leaf(), "leaf")));
        }
        if (rules.subCaExtendedKeyUsage() && path.size() >= 3) {
            for (int i = 1; i <= path.size() - 2; i++) {
                List<String> eku = path.get(i).extendedKeyUsage().orElse(List.of());
                if (!eku.isEmpty() && eku.stream().noneMatch(ACCEPTED::contains)) {
                    out.add(Failure.of(FindingCode.EXTENDED_KEY_USAGE, i, evidence(path.get(i), "sub-CA")));
                }
            }
        }
        return out;
    }

    private static java.util.Map<String, Object> evidence(Certificate c, String position) {
        return Evidence.of("position", position, "requiredAnyOf", ACCEPTED,
                "presentEku", c.extendedKeyUsage().orElse(List.of()));
    }
}
