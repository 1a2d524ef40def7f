package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ServerAuthEKU} (§2.2, iOS 13+), by anchor type: system-trusted → the leaf must list
 * serverAuth explicitly whatever its date, and (iOS 14+) every sub-CA with a non-empty EKU extension
 * must list serverAuth or anyEKU (recorded at index 0); user-store anchored → skipped; other trust →
 * serverAuth required only when leaf notBefore is strictly after 2019-06-30T23:00:00Z.
 */
final class ServerAuthEkuCheck implements AppleCheck {
    static final ServerAuthEkuCheck INSTANCE = new ServerAuthEkuCheck();

    /**
     * A leaf without serverAuth: under a system root ({@code issuedAfter} empty) or, under another anchor, issued
     * after the cut-off (its notBefore and the cut-off).
     */
    record LeafWithoutServerAuth(
            boolean ekuExtensionPresent, List<String> presentEku, Optional<Instant> notBefore, Optional<Instant> cutoff)
            implements Evidence {
        boolean systemTrusted() {
            return cutoff.isEmpty();
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("anchorType", systemTrusted() ? "system" : "other");
            m.put("position", "leaf");
            m.put("required", Oids.EKU_SERVER_AUTH);
            m.put("ekuExtensionPresent", ekuExtensionPresent);
            m.put("presentEku", presentEku);
            notBefore.ifPresent(t -> m.put("notBefore", t.toString()));
            cutoff.ifPresent(t -> m.put("cutoff", t.toString()));
            return m;
        }
    }

    /** A sub-CA of a system-trusted chain whose EKU allows neither serverAuth nor anyEKU (recorded at the leaf). */
    record SubCaWithoutServerAuth(int subCaIndex, String subCa, List<String> presentEku) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("anchorType", "system");
            m.put("position", "sub-CA");
            m.put("subCaIndex", subCaIndex);
            m.put("subCa", subCa);
            m.put("requiredAnyOf", List.of(Oids.EKU_SERVER_AUTH, Oids.ANY_EXTENDED_KEY_USAGE));
            m.put("presentEku", presentEku);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.SERVER_AUTH_EKU;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER && rules.serverAuthEku();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        List<String> leafEku = leaf.extendedKeyUsage().orElse(List.of());
        boolean leafHasServerAuth = leafEku.contains(Oids.EKU_SERVER_AUTH);
        List<Failure> out = new ArrayList<>();
        if (path.systemTrusted()) {
            if (!leafHasServerAuth) {
                out.add(Failure.of(
                        FindingCode.SERVER_AUTH_EKU,
                        0,
                        new LeafWithoutServerAuth(
                                leaf.extendedKeyUsage().isPresent(), leafEku, Optional.empty(), Optional.empty())));
            }
            if (rules.serverAuthEkuSubCa()) {
                for (int i = 1; i <= path.size() - 2; i++) {
                    List<String> eku = path.get(i).extendedKeyUsage().orElse(List.of());
                    if (!eku.isEmpty()
                            && !eku.contains(Oids.EKU_SERVER_AUTH)
                            && !eku.contains(Oids.ANY_EXTENDED_KEY_USAGE)) {
                        out.add(Failure.of(
                                FindingCode.SERVER_AUTH_EKU,
                                0,
                                new SubCaWithoutServerAuth(i, PathFacts.displayName(path.get(i)), eku)));
                    }
                }
            }
            return out;
        }
        if (path.userAnchored()) {
            return out;
        }
        if (leaf.notBefore().isAfter(RuleSet.JULY_2019_CUTOFF) && !leafHasServerAuth) {
            out.add(Failure.of(
                    FindingCode.SERVER_AUTH_EKU,
                    0,
                    new LeafWithoutServerAuth(
                            leaf.extendedKeyUsage().isPresent(),
                            leafEku,
                            Optional.of(leaf.notBefore()),
                            Optional.of(RuleSet.JULY_2019_CUTOFF))));
        }
        return out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        String prefix = failure.code().code() + ": ";
        if (failure.carries(SubCaWithoutServerAuth.class)) {
            SubCaWithoutServerAuth e = failure.evidence(SubCaWithoutServerAuth.class);
            return prefix + "intermediate '" + e.subCa() + "' (certificate " + e.subCaIndex() + ") has EKU "
                    + e.presentEku() + " without serverAuth or anyExtendedKeyUsage (recorded on the leaf).";
        }
        LeafWithoutServerAuth e = failure.evidence(LeafWithoutServerAuth.class);
        return prefix + context.position()
                + (e.ekuExtensionPresent() ? " lists EKU " + e.presentEku() : " has no EKU extension")
                + " but must list serverAuth (1.3.6.1.5.5.7.3.1)"
                + (e.cutoff().isPresent()
                        ? " because it was issued after " + e.cutoff().get()
                        : " because the chain ends in an Apple-store root")
                + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        Rule r = Rule.of(
                        "§2.2",
                        "system-trusted chains: the leaf must list serverAuth explicitly (and sub-CAs with an "
                                + "EKU must allow it, iOS 14+); other anchors: leaves issued after 2019-06-30T23:00:00Z must list serverAuth; "
                                + "user-installed roots are exempt",
                        Confidence.APPLE_CODE)
                .since("13.0");
        boolean other = failure.carries(LeafWithoutServerAuth.class)
                && !failure.evidence(LeafWithoutServerAuth.class).systemTrusted();
        return other ? r.effectiveFrom(RuleSet.JULY_2019_CUTOFF) : r;
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        if (failure.carries(SubCaWithoutServerAuth.class)) {
            SubCaWithoutServerAuth e = failure.evidence(SubCaWithoutServerAuth.class);
            return "Use an intermediate whose extended key usage includes serverAuth (1.3.6.1.5.5.7.3.1): '" + e.subCa()
                    + "' lists " + e.presentEku() + ".";
        }
        LeafWithoutServerAuth e = failure.evidence(LeafWithoutServerAuth.class);
        return "Reissue '" + context.displayName()
                + "' with an extended key usage extension listing serverAuth (1.3.6.1.5.5.7.3.1)"
                + (e.ekuExtensionPresent() ? "; it lists " + e.presentEku() : "; it has no EKU extension") + ".";
    }
}
