package io.github.sectrust4j.policy;

import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;
import java.util.Optional;

/** Small facts about path positions shared by the checks. */
final class PathFacts {
    private PathFacts() {}

    /** "CA" for NonEmptySubject (§2.2): v3 with cA=true, or v1/v2 self-signed. */
    static boolean isCa(CandidatePath path, int index) {
        Certificate c = path.get(index);
        return c.version() >= 3 ? c.isV3Ca() : path.selfSignedAt(index);
    }

    /**
     * The trust-settings constraints iOS consults for the certificate at {@code index} (§7.3): Apple's
     * hard-coded roots have none (their source has no constraints, so a user Deny has no effect);
     * otherwise the user-store constraints, or the anchor's own constraints at the top.
     */
    static Optional<List<TrustSetting>> constraints(CandidatePath path, int index) {
        if (index == path.topIndex() && path.appleRoot()) {
            return Optional.empty();
        }
        List<TrustSetting> user = path.userTrustSettings().get(index);
        if (user != null) {
            return Optional.of(user);
        }
        if (index == path.topIndex()
                && path.anchor().isPresent()
                && path.anchor().get().isUserStore()) {
            return Optional.of(path.anchor().get().trustSettings());
        }
        return Optional.empty();
    }

    /** A readable name: the first CN, else the whole subject DN, else "(empty subject)". */
    static String displayName(Certificate c) {
        return c.displayName();
    }

    /** The issuer's CN, else its DN. */
    static String issuerName(Certificate c) {
        List<String> cns = c.issuer().commonNames();
        return cns.isEmpty() ? c.issuer().toString() : cns.get(0);
    }
}
