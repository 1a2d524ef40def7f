package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code IdLinkage} (§2.2): walking from the top down, a parent's SKI and the child's AKI keyIdentifier,
 * when both exist, must be byte-equal; failure at the child's index. Missing SKI/AKI is fine.
 */
final class IdLinkageCheck implements PathCheck {
    static final IdLinkageCheck INSTANCE = new IdLinkageCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int child = path.size() - 2; child >= 0; child--) {
            Optional<byte[]> ski = path.get(child + 1).subjectKeyIdentifier();
            Optional<byte[]> aki = path.get(child).authorityKeyIdentifier();
            if (ski.isPresent() && aki.isPresent() && !Arrays.equals(ski.get(), aki.get())) {
                out.add(Failure.of(FindingCode.ID_LINKAGE, child, Evidence.of(
                        "authorityKeyIdentifier", HexFormat.of().formatHex(aki.get()),
                        "issuerSubjectKeyIdentifier", HexFormat.of().formatHex(ski.get()),
                        "issuer", PathFacts.displayName(path.get(child + 1)))));
            }
        }
        return out;
    }
}
