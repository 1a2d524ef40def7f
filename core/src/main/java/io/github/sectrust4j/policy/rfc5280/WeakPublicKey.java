package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key iOS calls weak (§4.1 "weak" row): {@code WeakKeySize} ({@code WeakLeaf}/{@code WeakIntermediates}/
 * {@code WeakRoot} before iOS 11.3), recorded by the parent checks and RFC 5280 processing.
 *
 * @param key the key as the report names it (e.g. {@code RSA-512})
 */
public record WeakPublicKey(String key) implements Evidence {
    static final String RULE = "RSA below 1024 bits, EC below 160 bits, or an algorithm other than RSA/EC/EdDSA";

    public WeakPublicKey {
        requireNonNull(key, "key");
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("rule", RULE);
        return StableOrder.evidence(m);
    }
}
