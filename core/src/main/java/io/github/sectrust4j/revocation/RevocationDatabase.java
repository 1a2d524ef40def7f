package io.github.sectrust4j.revocation;

import java.util.Optional;

/**
 * Apple's Valid revocation database (spec §9.2): the SQLite snapshot ({@link ValidDatabase}) or an
 * in-memory one ({@link InMemoryRevocationDatabase}). Implementations are thread-safe.
 */
public interface RevocationDatabase {

    /** The group of the issuer whose certificate DER has SHA-256 {@code issuerSha256}, if any. */
    Optional<ValidGroup> groupForIssuer(byte[] issuerSha256);

    /** Format 1: is {@code serial} (unsigned magnitude, no leading zero octet, see {@link ValidQuery}) on the group's list? */
    boolean serialOnList(ValidGroup group, byte[] serial);

    /** Format 2: is the certificate with SHA-256 {@code certificateSha256} on the group's list? */
    boolean hashOnList(ValidGroup group, byte[] certificateSha256);

    /** True if a certificate with this SHA-256 is itself a known issuer (for known-intermediates-only). */
    default boolean isKnownIssuer(byte[] certificateSha256) {
        return groupForIssuer(certificateSha256).isPresent();
    }

    /**
     * §9.2 steps 2–3: no group for the issuer → empty (no information, not an error); otherwise the
     * group with the membership answer. Format 2 without a certificate hash → empty.
     * Skipping (step 1) and Apple anchors (step 6) are the evaluator's.
     */
    default Optional<ValidInfo> lookup(ValidQuery query) {
        Optional<ValidGroup> found = groupForIssuer(query.issuerSha256());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ValidGroup group = found.get();
        switch (group.format()) {
            case SERIAL:
                return Optional.of(new ValidInfo(group, serialOnList(group, query.serial())));
            case SHA256:
                return query.certificateSha256().map(hash -> new ValidInfo(group, hashOnList(group, hash)));
            case FILTER:
                // An unparseable filter answers "not on the list", as on iOS.
                boolean hit =
                        group.filter().map(f -> f.mightContain(query.serial())).orElse(false);
                return Optional.of(new ValidInfo(group, hit));
            default:
                throw new AssertionError(group.format());
        }
    }
}
