package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Valid database says about one certificate (spec §9.2 steps 3–5).
 *
 * @param group  the group of the certificate's issuer
 * @param onList the certificate is on the group's list — for {@link ValidFormat#FILTER} only
 *               "possibly on the list"
 */
public record ValidInfo(ValidGroup group, boolean onList) {
    public ValidInfo {
        requireNonNull(group, "group");
    }

    /** Step 4: (allow list and not on list) or (block list and on list). */
    public boolean revoked() {
        boolean allowList = group.has(ValidFlag.ALLOW_LIST);
        return allowList != onList;
    }

    /** Step 5 with the group's own no-ca-v2 flag. */
    public boolean definitive() {
        return definitive(group.has(ValidFlag.NO_CA_V2));
    }

    /**
     * Step 5: formats 1–2: no-ca-v2 or complete or on list; format 3: no-ca-v2 or (complete and not
     * on list).
     *
     * @param noCaV2 the effective no-ca-v2 flag (cleared on paths anchored at an Apple root, step 6)
     */
    public boolean definitive(boolean noCaV2) {
        boolean complete = group.has(ValidFlag.COMPLETE);
        if (group.format() == ValidFormat.FILTER) {
            return noCaV2 || (complete && !onList);
        }
        return noCaV2 || complete || onList;
    }

    /** Evidence in a stable order. */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>(group.evidence());
        map.put(group.format() == ValidFormat.FILTER ? "validPossiblyOnList" : "validOnList", onList);
        map.put("validRevoked", revoked());
        map.put("validDefinitive", definitive());
        return map;
    }
}
