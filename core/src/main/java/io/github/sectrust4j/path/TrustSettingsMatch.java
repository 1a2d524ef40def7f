package io.github.sectrust4j.path;

import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.text.AsciiCase;
import java.util.List;
import java.util.Optional;

/**
 * The §7.2/§7.3 trust-settings match for a certificate in the user trust store: used by the path
 * builder (is it an anchor?) and after validation (Deny, Proceed, allowed errors).
 */
public final class TrustSettingsMatch {
    private TrustSettingsMatch() {}

    /**
     * The usage iOS derives for a certificate when matching {@code kSecTrustSettingsKeyUsage}
     * ({@code SecPVCContainsTrustSettingsKeyUsage}, {@code trust/trustd/SecPolicyServer.c}): SignCert at a CA
     * position (a parent being added to a path counts as one), plus the policy's key usage mapped by
     * {@code ts_key_usage_for_kuNumber} (digitalSignature → Signature, dataEncipherment → EnDecryptData,
     * keyEncipherment → EnDecryptKey, keyAgreement → KeyExchange). Only SSL policies made by
     * {@code SecPolicyCreateSSLWithKeyUsage} carry a key usage ({@code requiredKeyUsage}).
     */
    public static long derivedKeyUse(boolean caPosition, int requiredKeyUsage) {
        long use = caPosition ? TrustSetting.KeyUse.SIGN_CERT.value() : 0;
        if ((requiredKeyUsage & KeyUsage.DIGITAL_SIGNATURE.bits()) != 0) {
            use |= TrustSetting.KeyUse.SIGNATURE.value();
        }
        if ((requiredKeyUsage & KeyUsage.DATA_ENCIPHERMENT.bits()) != 0) {
            use |= TrustSetting.KeyUse.EN_DECRYPT_DATA.value();
        }
        if ((requiredKeyUsage & KeyUsage.KEY_ENCIPHERMENT.bits()) != 0) {
            use |= TrustSetting.KeyUse.EN_DECRYPT_KEY.value();
        }
        if ((requiredKeyUsage & KeyUsage.KEY_AGREEMENT.bits()) != 0) {
            use |= TrustSetting.KeyUse.KEY_EXCHANGE.value();
        }
        return use;
    }

    /**
     * All present keys of the constraint match the evaluation, absent keys match anything
     * ({@code SecPVCMeetsConstraint}): the policy by its compatibility OID, the policy string
     * case-insensitively against the host (a trailing NUL stripped), the key usage exactly equal to
     * {@code derivedKeyUse} or Any.
     */
    public static boolean matches(TrustSetting s, Policy policy, Optional<ReferenceHost> host, long derivedKeyUse) {
        if (s.policyOid().isPresent() && !s.policyOid().get().equals(policy.compatibilityOid())) {
            return false;
        }
        if (s.policyString().isPresent()) {
            if (host.isEmpty()
                    || !AsciiCase.equals(
                            stripNul(s.policyString().get()),
                            stripNul(host.get().text()))) {
                return false;
            }
        }
        if (s.keyUsage().isPresent()) {
            long k = s.keyUsage().get();
            return k == TrustSetting.KeyUse.ANY.value() || k == derivedKeyUse;
        }
        return true;
    }

    /**
     * The result of the first constraint whose present keys all match the evaluation; empty = no
     * constraint matched ("Invalid"). An empty list never gets here.
     */
    public static Optional<TrustSetting.Result> firstMatch(
            List<TrustSetting> settings, Policy policy, Optional<ReferenceHost> host, long derivedKeyUse) {
        for (TrustSetting s : settings) {
            if (matches(s, policy, host, derivedKeyUse)) {
                return Optional.of(s.result());
            }
        }
        return Optional.empty();
    }

    /**
     * §7.3 steps 2–4: empty settings anchor a self-signed certificate only; otherwise the first
     * matching result decides: anchor iff (self-signed and TrustRoot) or (not self-signed and
     * TrustAsRoot) or Deny (Deny anchors so the chain stops there and is then rejected).
     */
    static boolean isAnchor(
            List<TrustSetting> settings,
            boolean selfSigned,
            Policy policy,
            Optional<ReferenceHost> host,
            long derivedKeyUse) {
        if (settings.isEmpty()) {
            return selfSigned;
        }
        Optional<TrustSetting.Result> r = firstMatch(settings, policy, host, derivedKeyUse);
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
