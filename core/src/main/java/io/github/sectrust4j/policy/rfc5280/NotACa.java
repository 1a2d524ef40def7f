package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A certificate in a CA position that is not marked as a CA (§1.6 item 4): {@code BasicConstraints} /
 * {@code BasicConstraintsCA}.
 *
 * @param version    the certificate's X.509 version
 * @param topVersion the top's version, for a v1/v2 intermediate under a v3 top
 * @param problem    what is wrong with its basicConstraints
 */
public record NotACa(int version, OptionalInt topVersion, Problem problem) implements Evidence {

    /** What is wrong. */
    public enum Problem {
        /** A v3 certificate without basicConstraints. */
        ABSENT,
        /** basicConstraints cA=false. */
        CA_FALSE,
        /** A v1/v2 certificate (no extensions) as an intermediate under a v3 top. */
        OLD_VERSION_INTERMEDIATE
    }

    public NotACa {
        requireNonNull(topVersion, "topVersion");
        requireNonNull(problem, "problem");
    }

    /** The basicConstraints as the report shows them. */
    public String basicConstraints() {
        return switch (problem) {
            case ABSENT -> "absent";
            case CA_FALSE -> "cA=false";
            case OLD_VERSION_INTERMEDIATE -> "v" + version + " intermediate under a v3 top";
        };
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        topVersion.ifPresent(v -> m.put("topVersion", v));
        m.put("basicConstraints", basicConstraints());
        return StableOrder.evidence(m);
    }
}
