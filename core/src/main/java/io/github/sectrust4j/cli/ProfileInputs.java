package io.github.sectrust4j.cli;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.profile.ConfigurationProfile;
import io.github.sectrust4j.profile.ConfigurationProfileException;
import java.util.List;
import java.util.Locale;

/**
 * Roots for {@code --profile-root} / {@code --mdm-root} and batch {@code userRoots[].profile}: a certificate file
 * (PEM or DER) or a configuration profile ({@code .mobileconfig}, XML or binary, signed or not).
 */
final class ProfileInputs {
    private ProfileInputs() {}

    /** A profile, or an {@link InputError} naming the field and what iOS would refuse. */
    static ConfigurationProfile read(String field, byte[] bytes) {
        try {
            return ConfigurationProfile.read(bytes);
        } catch (ConfigurationProfileException e) {
            throw new InputError(field + ": " + e.getMessage(), e);
        }
    }

    /**
     * Installs what the file holds: a profile (by its {@code .mobileconfig} name or its content) through
     * {@code channel}, its summary added to {@code notes}; otherwise every certificate in it as a root.
     */
    static SecTrust install(
            SecTrust trust,
            String file,
            byte[] bytes,
            InstallChannel channel,
            FullTrust fullTrust,
            List<String> notes,
            String option,
            List<String> entries,
            char[] password) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".mobileconfig") || ConfigurationProfile.looksLikeProfile(bytes)) {
            ConfigurationProfile profile = read(file, bytes);
            notes.add(file + " (" + channel.label()
                    + (channel == InstallChannel.PROFILE && fullTrust == FullTrust.ON ? ", full trust" : "") + "): "
                    + profile.summary());
            profile.roots().forEach(r -> entries.add(option));
            return trust.withProfile(profile, channel, fullTrust);
        }
        SecTrust t = trust;
        for (Certificate c : Inputs.certificates(file, bytes, password)) {
            entries.add(option);
            t = channel == InstallChannel.MDM ? t.withMdmRoot(c) : t.withProfileRoot(c, fullTrust);
        }
        return t;
    }
}
