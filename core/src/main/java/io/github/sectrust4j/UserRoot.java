package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.Certificate;
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
public record UserRoot(Certificate certificate, InstallChannel channel, FullTrust fullTrust,
                       Optional<List<TrustSetting>> trustSettings) {
    public UserRoot {
        requireNonNull(certificate, "certificate");
        requireNonNull(channel, "channel");
        requireNonNull(fullTrust, "fullTrust");
        trustSettings = requireNonNull(trustSettings, "trustSettings").map(List::copyOf);
    }

    /** As the canonical constructor, for any {@link Cert} ({@link Cert#fromPem}, {@link Cert#of}). */
    public UserRoot(Cert certificate, InstallChannel channel, FullTrust fullTrust,
                    Optional<List<TrustSetting>> trustSettings) {
        this(io.github.sectrust4j.cert.CertificateInput.fromCerts(
                List.of(requireNonNull(certificate, "certificate"))).get(0), channel, fullTrust, trustSettings);
    }

    /**
     * The trust settings iOS stores for this root on {@code release} (§7.1): ManagedConfiguration
     * writes an empty array for full trust, and for a manually installed profile root with the switch
     * off (iOS 10.3+) the pair {@code [{policy SSL, Unspecified}, {TrustRoot}]} — trusted for
     * everything but TLS. Before iOS 10.3 a profile root was fully trusted [Apple doc; §15 item 7].
     */
    public List<TrustSetting> effectiveTrustSettings(IosRelease release) {
        if (trustSettings.isPresent()) {
            return trustSettings.get();
        }
        if (channel == InstallChannel.MDM || fullTrust == FullTrust.ON || release.before(10, 3)) {
            return List.of();
        }
        return List.of(TrustSetting.of(TrustSetting.Result.UNSPECIFIED).forPolicy(Policy.SSL_SERVER),
                TrustSetting.of(TrustSetting.Result.TRUST_ROOT));
    }

    /**
     * The roots a configuration profile installs through {@code channel} (its other certificates are intermediates:
     * {@link ConfigurationProfile#intermediates()}, {@link SecTrust#withProfile}).
     */
    public static List<UserRoot> fromProfile(ConfigurationProfile profile, InstallChannel channel, FullTrust fullTrust) {
        requireNonNull(profile, "profile");
        List<UserRoot> out = new ArrayList<>();
        for (Certificate root : profile.roots()) {
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
