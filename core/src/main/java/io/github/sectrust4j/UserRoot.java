package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.profile.ConfigurationProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A certificate in the device's user trust store (§7): installed by a configuration profile or by
 * MDM, with the full-trust switch, or with explicit Apple trust settings.
 *
 * @param certificate   the installed certificate
 * @param channel       how it was installed
 * @param fullTrust     the iOS 10.3+ full-trust switch (ignored for MDM installs, which are always fully trusted)
 * @param trustSettings explicit trust settings overriding the shape derived from channel and switch; empty = derive
 */
public record UserRoot(
        Cert certificate, InstallChannel channel, FullTrust fullTrust, Optional<List<TrustSetting>> trustSettings) {
    /** {@code certificate}: {@link Cert#fromPem}, {@link Cert#of}, or any other {@link Cert} (re-read from its DER). */
    public UserRoot {
        certificate = CertificateInput.fromCert(requireNonNull(certificate, "certificate"));
        requireNonNull(channel, "channel");
        requireNonNull(fullTrust, "fullTrust");
        trustSettings = requireNonNull(trustSettings, "trustSettings").map(List::copyOf);
    }

    /**
     * The trust settings iOS stores for this root on {@code release} (§7.1): ManagedConfiguration
     * writes an empty array for full trust, and for a manually installed profile root with the switch
     * off (iOS 10.3+) the pair {@code [{policy SSL, Unspecified}, {TrustRoot}]} — trusted for
     * everything but TLS. Before iOS 10.3 a profile root was fully trusted [Apple doc; §15 item 7].
     * These are the settings of a self-signed root; see {@link #effectiveTrustSettings(IosRelease, boolean)}
     * for a certificate that is not self-signed.
     */
    public List<TrustSetting> effectiveTrustSettings(IosRelease release) {
        return effectiveTrustSettings(release, true);
    }

    /**
     * As {@link #effectiveTrustSettings(IosRelease)} for a certificate that is or is not self-signed
     * (§7.1, §7.3). A certificate that is not self-signed (the server's own certificate, an issuing CA)
     * cannot be stored with an empty array: Apple's client refuses it ({@code SecTrustStore.c}
     * {@code validateTrustSettings}: no settings, or a constraint without a result, is errSecParam for a
     * certificate that is not self-signed; TrustRoot on it likewise), and trustd would not anchor it
     * ({@code SecPolicyServer.c} {@code SecPVCIsAnchorPerConstraints}: only a self-signed certificate is
     * an anchor on an empty array). So full trust is written as one unconstrained TrustAsRoot, and the
     * switch-off pair ends in TrustAsRoot — the shape Apple's trust-store tool lists as
     * ManagedConfiguration's partial trust ({@code show_certificates.m} {@code isPartialSSLTrustSetting}).
     */
    public List<TrustSetting> effectiveTrustSettings(IosRelease release, boolean selfSigned) {
        if (trustSettings.isPresent()) {
            return trustSettings.get();
        }
        TrustSetting.Result trust = selfSigned ? TrustSetting.Result.TRUST_ROOT : TrustSetting.Result.TRUST_AS_ROOT;
        if (channel == InstallChannel.MDM
                || fullTrust == FullTrust.ON
                || !io.github.sectrust4j.policy.RuleSet.forRelease(release).profileRootFullTrustSwitch()) {
            return selfSigned ? List.of() : List.of(TrustSetting.of(trust));
        }
        return List.of(
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED).forPolicy(Policy.SSL_SERVER), TrustSetting.of(trust));
    }

    /**
     * The roots a configuration profile installs through {@code channel} (its other certificates are intermediates:
     * {@link ConfigurationProfile#intermediates()}, {@link SecTrust#withProfile}).
     */
    public static List<UserRoot> fromProfile(
            ConfigurationProfile profile, InstallChannel channel, FullTrust fullTrust) {
        requireNonNull(profile, "profile");
        List<UserRoot> out = new ArrayList<>();
        for (Cert root : profile.roots()) {
            out.add(new UserRoot(root, channel, fullTrust, Optional.empty()));
        }
        return List.copyOf(out);
    }

    /**
     * As {@link #fromProfile(ConfigurationProfile, InstallChannel, FullTrust)} from the {@code .mobileconfig} bytes.
     *
     * @throws io.github.sectrust4j.profile.ConfigurationProfileException when iOS would not install the profile
     */
    public static List<UserRoot> fromProfile(byte[] mobileconfig, InstallChannel channel, FullTrust fullTrust) {
        return fromProfile(ConfigurationProfile.read(mobileconfig), channel, fullTrust);
    }

    /** The anchor source this root reports when it anchors a path. */
    public AnchorSource anchorSource() {
        return channel == InstallChannel.MDM ? AnchorSource.MDM : AnchorSource.PROFILE;
    }
}
