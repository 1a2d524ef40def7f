package io.github.sectrust4j.path;

import io.github.sectrust4j.Policy;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.policy.names.AsciiCase;
import java.util.List;
import java.util.Optional;

/** The §7.3 trust-settings evaluation for a certificate found in the user trust store. */
final class TrustSettingsMatch {
    private TrustSettingsMatch() {}

    /**
     * The result of the first constraint whose present keys all match the evaluation (absent keys
     * match anything); empty = no constraint matched ("Invalid"). An empty list never gets here.
     */
    static Optional<TrustSetting.Result> firstMatch(List<TrustSetting> settings, Policy policy, Optional<String> host) {
        for (TrustSetting s : settings) {
            if (s.policyOid().isPresent() && !s.policyOid().get().equals(policy.compatibilityOid())) {
                continue;
            }
            if (s.policyString().isPresent()) {
                if (host.isEmpty() || !AsciiCase.equals(stripNul(s.policyString().get()), stripNul(host.get()))) {
                    continue;
                }
            }
            return Optional.of(s.result());
        }
        return Optional.empty();
    }

    /**
     * §7.3 steps 2–4: empty settings anchor a self-signed certificate only; otherwise the first
     * matching result decides: anchor iff (self-signed and TrustRoot) or (not self-signed and
     * TrustAsRoot) or Deny (Deny anchors so the chain stops there and is then rejected).
     */
    static boolean isAnchor(List<TrustSetting> settings, boolean selfSigned, Policy policy, Optional<String> host) {
        if (settings.isEmpty()) {
            return selfSigned;
        }
        Optional<TrustSetting.Result> r = firstMatch(settings, policy, host);
        if (r.isEmpty()) {
            return false;
        }
        return switch (r.get()) {
            case TRUST_ROOT -> selfSigned;
            case TRUST_AS_ROOT -> !selfSigned;
            case DENY -> true;
            case UNSPECIFIED -> false;
        };
    }

    private static String stripNul(String s) {
        return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
    }
}
