package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A certificate that is not self-signed, signed with MD2/MD4/MD5 (§2.2): {@code WeakSignature} (iOS 11.3+),
 * recorded by the parent checks and RFC 5280 processing.
 *
 * @param signatureAlgorithm the OID of the certificate's signature algorithm
 * @param hash               the hash's name
 */
public record WeakSignatureHash(String signatureAlgorithm, String hash) implements Evidence {
    public WeakSignatureHash {
        requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        requireNonNull(hash, "hash");
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signatureAlgorithm", signatureAlgorithm);
        m.put("hash", hash);
        return StableOrder.evidence(m);
    }
}
