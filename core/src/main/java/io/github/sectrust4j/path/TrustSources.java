package io.github.sectrust4j.path;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The anchor and parent sources of one evaluation (§1.3), and the §7.3 anchor decision.
 *
 * <p>Anchor sources, in order: app anchors; unless anchors-only: Apple's hard-coded roots, the user
 * trust store, the system store (plus {@code extraSystemRoots}). Parent sources, unlocked one at a
 * time: presented certificates, cached intermediates, (anchors-only: Apple, system and user-store
 * certificates as untrusted parents), AIA (if the network is allowed and a fetcher is present).
 * System certificates are synthetic ({@link Certificate#fromAnchorFacts}); where the request holds
 * the real DER of the same certificate (presented, cached, app anchor, user root, extra root), the
 * real one is used instead.
 */
final class TrustSources {

    /**
     * One anchor source: the union of some name indexes (the cached per-store index and per-request
     * certificates), returning the request's real DER in place of a synthetic anchor where it has one.
     */
    record Anchors(Kind kind, List<AnchorIndex> indexes, UnaryOperator<Certificate> real) implements CertificateSource {
        @Override
        public List<Certificate> parentsOf(Certificate child) {
            List<Certificate> out = null; // most lookups find nothing: no list, no iterators (every evaluation)
            for (int i = 0, n = indexes.size(); i < n; i++) {
                List<Certificate> found = indexes.get(i).parentsOf(child);
                for (int j = 0, m = found.size(); j < m; j++) {
                    Certificate r = real.apply(found.get(j));
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    if (!out.contains(r)) {
                        out.add(r);
                    }
                }
            }
            return out == null ? List.of() : out;
        }

        boolean contains(Certificate c) {
            for (AnchorIndex index : indexes) {
                if (index.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public CertificateOrigin origin() {
            return CertificateOrigin.ANCHOR_SOURCE;
        }
    }

    enum Kind {
        APP,
        APPLE,
        USER,
        SYSTEM
    }

    private final EvaluationRequest request;
    private final List<Anchors> anchorSources;
    private final List<CertificateSource> parentSources;
    private final UserStore userStore;
    private final AnchorIndex systemRootSet;
    /** The request's own certificates, in the order {@link #realOf} searches them. */
    private final List<NameIndex> realSources;

    private final NameIndex extraRoots;

    TrustSources(EvaluationRequest request, Optional<CertificateSource> aia) {
        this.request = request;
        // what the configuration supplies is indexed once per configuration (SuppliedIndexes), the chain per
        // evaluation; built without Optional chains or list copies: this runs for every evaluation
        this.userStore = request.userStore();
        NameIndex users = SuppliedIndexes.userRoots(userStore);
        SystemStoreIndex store = request.systemStore().isPresent()
                ? SystemStoreIndex.of(request.systemStore().get())
                : null;
        NameIndex none = NameIndex.of(List.of(), CertificateOrigin.ANCHOR_SOURCE);
        this.systemRootSet = store == null ? none : store.rootsGroup();
        this.extraRoots = SuppliedIndexes.names(request.extraSystemRoots(), CertificateOrigin.ANCHOR_SOURCE);
        NameIndex presented = NameIndex.of(request.presented(), CertificateOrigin.PRESENTED);
        NameIndex cached = SuppliedIndexes.names(request.cachedIntermediates(), CertificateOrigin.CACHED_INTERMEDIATE);
        NameIndex appAnchors = SuppliedIndexes.names(request.appAnchors(), CertificateOrigin.ANCHOR_SOURCE);
        this.realSources = List.of(presented, cached, appAnchors, extraRoots, users);
        UnaryOperator<Certificate> asIs = UnaryOperator.identity();
        UnaryOperator<Certificate> real = this::realOf;
        Anchors app = new Anchors(Kind.APP, List.of(appAnchors), asIs);
        Anchors apple = new Anchors(Kind.APPLE, List.of(store == null ? none : store.appleRoots()), real);
        Anchors user = new Anchors(Kind.USER, List.of(users), asIs);
        Anchors system = new Anchors(
                Kind.SYSTEM, List.of(store == null ? none : store.anchors(request.policy()), extraRoots), real);
        CertificateSource fetched = aia.orElse(null);
        if (!request.anchorsOnly()) {
            this.anchorSources = List.of(app, apple, user, system);
            this.parentSources = fetched == null ? List.of(presented, cached) : List.of(presented, cached, fetched);
        } else {
            // §1.1/§1.3: with anchors-only, Apple, system and user certificates are untrusted parents
            this.anchorSources = List.of(app);
            this.parentSources = fetched == null
                    ? List.of(presented, cached, apple, system, user)
                    : List.of(presented, cached, apple, system, user, fetched);
        }
    }

    /**
     * The request's own certificate with the same fingerprint as a synthetic store anchor (its real
     * DER: presented, cached, app anchor, extra root or user root, first found in that order), else the
     * certificate itself. Looked up in the sources' indexes (no per-evaluation map of every supplied certificate).
     */
    private Certificate realOf(Certificate c) {
        if (!c.isSynthetic()) {
            return c; // already real DER (equal certificates are interchangeable)
        }
        for (NameIndex source : realSources) {
            Certificate r = source.find(c);
            if (r != null) {
                return r;
            }
        }
        return c;
    }

    List<Anchors> anchorSources() {
        return anchorSources;
    }

    List<CertificateSource> parentSources() {
        return parentSources;
    }

    /**
     * §7.3: walks the anchor sources in order; the first source in which the certificate is an anchor
     * decides. App anchors and Apple roots are unconditional; a user-store certificate is an anchor
     * only per its trust settings (contained-but-not-anchor continues with the next source); system
     * anchors are unconditional for the policies they serve (§7.4, §11.3).
     */
    Optional<AnchorInfo> anchorFor(Certificate c, LinkSignatures signatures) {
        for (Anchors s : anchorSources) {
            if (!s.contains(c)) {
                continue;
            }
            switch (s.kind()) {
                case APP:
                    return Optional.of(new AnchorInfo(AnchorSource.APP, List.of()));
                case APPLE:
                    return Optional.of(new AnchorInfo(AnchorSource.APPLE, List.of()));
                case USER: {
                    UserRoot u = userStore.entryFor(c).orElse(null);
                    Optional<Boolean> selfSigned = signatures.selfSignedIfKnown(c);
                    // unknown (budget exhausted): never an anchor — TrustRoot needs "yes", TrustAsRoot "no".
                    // Not self-signed (the server's own certificate, an issuing CA) is an anchor too when its
                    // settings say TrustAsRoot: the path ends at it (SecPVCIsAnchorPerConstraints, §7.3)
                    if (selfSigned.isPresent()) {
                        List<TrustSetting> settings = u.effectiveTrustSettings(request.release(), selfSigned.get());
                        // the leaf is tested at index 0, a parent as a CA position
                        // (SecPVCContainsTrustSettingsKeyUsage)
                        long use =
                                TrustSettingsMatch.derivedKeyUse(!c.equals(request.leaf()), request.requiredKeyUsage());
                        if (TrustSettingsMatch.isAnchor(
                                settings, selfSigned.get(), request.policy(), request.referenceHost(), use)) {
                            return Optional.of(new AnchorInfo(u.anchorSource(), settings));
                        }
                    }
                    break;
                }
                case SYSTEM:
                    return Optional.of(new AnchorInfo(AnchorSource.SYSTEM, List.of()));
                default:
                    throw new AssertionError(s.kind());
            }
        }
        return Optional.empty();
    }

    /** §0 "system-trusted": the certificate is one of the store's roots (or an extra system root). */
    boolean isSystemRoot(Certificate c) {
        return systemRootSet.contains(c) || extraRoots.contains(c);
    }

    /**
     * The user-store constraints of a certificate, if it is in the user store and the user store is
     * an active anchor source (not anchors-only) — §7.3 post-validation rules.
     */
    Optional<List<TrustSetting>> userTrustSettings(Certificate c, LinkSignatures signatures) {
        if (request.anchorsOnly()) {
            return Optional.empty();
        }
        UserRoot u = userStore.entryFor(c).orElse(null);
        // self-signed unknown only when the signature budget ran out: such a path is never trusted
        return u == null
                ? Optional.empty()
                : Optional.of(u.effectiveTrustSettings(
                        request.release(), signatures.selfSignedIfKnown(c).orElse(false)));
    }
}
