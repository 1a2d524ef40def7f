package io.github.sectrust4j.policy.rfc5280;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top of the path is not a trusted anchor (§2.3 step 2; Apple's {@code SecPVCCheckBasicCertificateProcessing}):
 * {@code AnchorTrusted} when it is self-signed, else {@code MissingIntermediate} ({@code AnchorTrusted} before
 * iOS 11.3).
 *
 * @param anchored   whether path building found an anchor for the top (trusted or not for this policy)
 * @param selfSigned whether the top certificate is self-signed
 * @param subject    the top certificate's subject
 */
public record UntrustedTop(boolean anchored, boolean selfSigned, String subject) implements Evidence {
    public UntrustedTop {
        requireNonNull(subject, "subject");
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchored", anchored);
        m.put("selfSigned", selfSigned);
        m.put("subject", subject);
        return StableOrder.evidence(m);
    }
}
