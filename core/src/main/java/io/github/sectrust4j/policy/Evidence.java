package io.github.sectrust4j.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds evidence maps in a stable (insertion) order. */
final class Evidence {
    private Evidence() {}

    static Map<String, Object> of(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
