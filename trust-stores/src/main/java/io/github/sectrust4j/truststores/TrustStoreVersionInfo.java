package io.github.sectrust4j.truststores;

import java.time.LocalDate;
import java.util.List;

/**
 * Summary of one bundled trust-store version, available without loading the store.
 *
 * @param trustStoreVersion Apple's VersionNumber (YYYYMMDDNN)
 * @param sourceRelease     the {@code security_certificates} tag the data was taken from
 * @param sourceDate        date of that tag
 * @param iosReleases       iOS releases that shipped this store (§11.6; may be empty)
 * @param rootsCount        anchors in Apple's {@code roots} group
 * @param evRootsCount      roots carrying EV policy OIDs
 */
public record TrustStoreVersionInfo(
        int trustStoreVersion,
        String sourceRelease,
        LocalDate sourceDate,
        List<String> iosReleases,
        int rootsCount,
        int evRootsCount) {
    public TrustStoreVersionInfo {
        iosReleases = List.copyOf(iosReleases);
    }
}
