package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.util.List;

/**
 * {@code BlackListedLeaf} (§2.2, Fatal): the leaf's subjectPublicKey SHA-1 is on the store's blocked
 * list, or it is one of the nine Comodo 2011 serials issued by UTN-USERFirst-Hardware.
 */
final class BlackListedLeafCheck implements PathCheck {
    static final BlackListedLeafCheck INSTANCE = new BlackListedLeafCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        boolean listed = request.systemStore().map(s -> s.isBlockedKey(leaf.publicKey().subjectPublicKeySha1()))
                .orElse(false);
        if (listed) {
            return List.of(Failure.of(FindingCode.BLACK_LISTED_LEAF, 0, Evidence.of("list", "blocked keys",
                    "subjectPublicKeySha1", leaf.publicKey().subjectPublicKeySha1Hex(),
                    "trustStoreVersion", request.systemStore().get().version())));
        }
        if (issuedByUtnUserFirstHardware(leaf) && HardCodedTrust.isComodo2011Serial(leaf.serialNumberBytes())) {
            return List.of(Failure.of(FindingCode.BLACK_LISTED_LEAF, 0, Evidence.of("list", "Comodo 2011 serials",
                    "serialNumber", leaf.serialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                    "issuer", leaf.issuer().toString())));
        }
        return List.of();
    }

    static boolean issuedByUtnUserFirstHardware(Certificate c) {
        return c.issuer().commonNames().contains("UTN-USERFirst-Hardware")
                && c.issuer().organizations().contains("The USERTRUST Network");
    }
}
