/**
 * Configuration profiles ({@code .mobileconfig}): reading the certificates a profile installs (spec §7.1) and
 * writing a profile that installs roots. {@link io.github.sectrust4j.profile.ConfigurationProfile} is the entry
 * point; {@link io.github.sectrust4j.SecTrust#withProfile} and {@link io.github.sectrust4j.UserRoot#fromProfile}
 * put a profile's roots on the simulated device.
 */
package io.github.sectrust4j.profile;
