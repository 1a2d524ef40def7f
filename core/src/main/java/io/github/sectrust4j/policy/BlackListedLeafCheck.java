package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code BlackListedLeaf} (§2.2, Fatal): the leaf's subjectPublicKey SHA-1 is on the store's blocked
 * list, or it is one of the nine Comodo 2011 serials issued by UTN-USERFirst-Hardware. Apple's Valid data
 * records the same code (with its own cause and remedy); this check explains those failures too.
 */
final class BlackListedLeafCheck implements AppleCheck {
    static final BlackListedLeafCheck INSTANCE = new BlackListedLeafCheck();

    /** One of the nine Comodo 2011 serials, by serial number (hex) and issuer. */
    record ComodoSerial(String serialNumber, String issuer) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", "Comodo 2011 serials");
            m.put("serialNumber", serialNumber);
            m.put("issuer", issuer);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.BLACK_LISTED_LEAF;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        Optional<Failure> blocked = request.systemStore()
                .flatMap(s ->
                        ListedKeyCheck.ifListed(ListedKeyCheck.BLOCKED, FindingCode.BLACK_LISTED_LEAF, 0, leaf, s));
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        if (issuedByUtnUserFirstHardware(leaf) && HardCodedTrust.isComodo2011Serial(leaf.serialNumberBytes())) {
            return List.of(Failure.of(
                    FindingCode.BLACK_LISTED_LEAF,
                    0,
                    new ComodoSerial(
                            leaf.serialNumber().toString(16).toUpperCase(Locale.ROOT),
                            leaf.issuer().toString())));
        }
        return List.of();
    }

    static boolean issuedByUtnUserFirstHardware(Certificate c) {
        return c.issuer().commonNames().contains("UTN-USERFirst-Hardware")
                && c.issuer().organizations().contains("The USERTRUST Network");
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return ListedKeyCheck.blocked();
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return ListedKeyCheck.replaceBlocked(context);
    }
}
