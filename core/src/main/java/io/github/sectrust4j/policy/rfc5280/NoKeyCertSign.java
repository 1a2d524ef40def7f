package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CA position whose keyUsage extension lacks keyCertSign (§1.6 parent check 5): {@code KeyUsage}.
 *
 * @param keyUsageBits the CA's keyUsage bits (bit 0 = digitalSignature … bit 8 = decipherOnly)
 */
public record NoKeyCertSign(int keyUsageBits) implements Evidence {
    static final String REQUIRED = "keyCertSign";

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("required", REQUIRED);
        m.put("keyUsageBits", keyUsageBits);
        return StableOrder.evidence(m);
    }
}
