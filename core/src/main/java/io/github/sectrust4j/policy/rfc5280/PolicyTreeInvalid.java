package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.Map;

/**
 * The certificate-policy tree fails RFC 5280 §6.1 (an explicit policy is required and none is valid along the
 * whole path, or a mapping to or from anyPolicy): {@code PolicyConstraints} ({@code BasicCertificateProcessing}
 * before iOS 11.3).
 *
 * @param reason  why, in words
 * @param details the tree's facts in the order the processing found them (where it emptied, the policies, …)
 */
public record PolicyTreeInvalid(String reason, Map<String, Object> details) implements Evidence {
    public PolicyTreeInvalid {
        requireNonNull(reason, "reason");
        details = StableOrder.evidence(details);
    }

    @Override
    public Map<String, Object> fields() {
        return details;
    }
}
