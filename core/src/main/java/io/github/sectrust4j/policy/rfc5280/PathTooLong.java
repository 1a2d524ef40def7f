package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * More non-self-issued intermediates than a pathLenConstraint allows (RFC 5280 §6.1.4 (l)):
 * {@code BasicConstraintsPathLen} ({@code BasicConstraints} before iOS 11.3).
 *
 * @param constraint the CA whose pathLenConstraint is exceeded, when one set it (else the path's own length)
 */
public record PathTooLong(Optional<Constraint> constraint) implements Evidence {
    static final String RULE = "more non-self-issued intermediates than the pathLenConstraint allows";

    /**
     * @param constrainedBy      the chain index of the CA that set the limit
     * @param pathLenConstraint  its pathLenConstraint
     * @param intermediatesBelow non-self-issued intermediates below it on this path
     */
    public record Constraint(int constrainedBy, int pathLenConstraint, int intermediatesBelow) {}

    public PathTooLong {
        requireNonNull(constraint, "constraint");
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        constraint.ifPresent(c -> {
            m.put("constrainedBy", c.constrainedBy());
            m.put("pathLenConstraint", c.pathLenConstraint());
            m.put("intermediatesBelowConstraint", c.intermediatesBelow());
        });
        m.put("rule", RULE);
        return StableOrder.evidence(m);
    }
}
