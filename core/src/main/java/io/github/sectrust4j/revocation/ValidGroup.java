package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Valid database group (spec §9.2): the issuers mapped to it share its flags, list format,
 * date constraints and policy constraints.
 *
 * @param id               groupid
 * @param flags            the flag bits set
 * @param format           member-list format
 * @param notBefore        date constraint: certificates issued (notBefore) earlier are invalid (leaf only)
 * @param notAfter         date constraint: certificates issued later are invalid
 * @param allowedPolicies  the decoded policy constraints; empty if none or invalid
 * @param filter           the format-3 filter, if the format is {@link ValidFormat#FILTER} and it parses
 */
public record ValidGroup(
        long id,
        Set<ValidFlag> flags,
        ValidFormat format,
        Optional<Instant> notBefore,
        Optional<Instant> notAfter,
        Optional<List<ValidPolicy>> allowedPolicies,
        Optional<ValidFilter> filter) {
    public ValidGroup {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        requireNonNull(format, "format");
        requireNonNull(notBefore, "notBefore");
        requireNonNull(notAfter, "notAfter");
        requireNonNull(allowedPolicies, "allowedPolicies");
        requireNonNull(filter, "filter");
    }

    public boolean has(ValidFlag flag) {
        return flags.contains(flag);
    }

    /** Evidence in a stable order. */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("validGroup", id);
        map.put("validFormat", format.name());
        map.put("validFlags", flags.stream().sorted().map(Enum::name).toList());
        notBefore.ifPresent(t -> map.put("validNotBefore", t.toString()));
        notAfter.ifPresent(t -> map.put("validNotAfter", t.toString()));
        allowedPolicies.ifPresent(
                p -> map.put("validAllowedPolicies", p.stream().map(Enum::name).toList()));
        return map;
    }
}
