package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.List;
import java.util.Map;

/** Critical extensions iOS does not know (§2.2): {@code CriticalExtensions}. */
public record UnknownCriticalExtensions(List<String> oids) implements Evidence {
    public UnknownCriticalExtensions {
        oids = List.copyOf(oids);
    }

    @Override
    public Map<String, Object> fields() {
        return StableOrder.evidence(Map.of("unknownCriticalExtensions", oids));
    }
}
