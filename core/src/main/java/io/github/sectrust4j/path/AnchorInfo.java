package io.github.sectrust4j.path;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.TrustSetting;
import java.util.List;

/**
 * How the top of an anchored path is trusted (§7.3, §7.5).
 *
 * @param source        the anchor source that made it an anchor
 * @param trustSettings the constraints it carries in that source (empty for app anchors, Apple and system roots)
 */
public record AnchorInfo(AnchorSource source, List<TrustSetting> trustSettings) {
    public AnchorInfo {
        requireNonNull(source, "source");
        trustSettings = List.copyOf(trustSettings);
    }

    /** True for the user trust store (profile or MDM). */
    public boolean isUserStore() {
        return source == AnchorSource.PROFILE || source == AnchorSource.MDM;
    }
}
