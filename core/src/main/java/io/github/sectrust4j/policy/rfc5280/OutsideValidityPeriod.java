package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A certificate outside its validity period at the verify time (§2.2, §5.1): {@code TemporalValidity}
 * ({@code ValidLeaf}/{@code ValidIntermediates}/{@code ValidRoot} before iOS 11.3), recorded by the parent checks
 * and RFC 5280 processing.
 *
 * @param notBefore  the certificate's notBefore
 * @param notAfter   the certificate's notAfter
 * @param verifyTime the verify time (shown in whole seconds, the precision of the comparison)
 */
public record OutsideValidityPeriod(Instant notBefore, Instant notAfter, Instant verifyTime) implements Evidence {
    public OutsideValidityPeriod {
        requireNonNull(notBefore, "notBefore");
        requireNonNull(notAfter, "notAfter");
        requireNonNull(verifyTime, "verifyTime");
    }

    /** Not yet valid (else expired). */
    public boolean notYetValid() {
        return verifyTime.isBefore(notBefore);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notBefore", notBefore.toString());
        m.put("notAfter", notAfter.toString());
        m.put("verifyTime", Instant.ofEpochSecond(verifyTime.getEpochSecond()).toString());
        m.put("state", notYetValid() ? "not yet valid" : "expired");
        return StableOrder.evidence(m);
    }
}
