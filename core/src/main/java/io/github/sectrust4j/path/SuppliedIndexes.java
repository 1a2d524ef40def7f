package io.github.sectrust4j.path;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.UserStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The name indexes of what a configuration supplies (app anchors, user roots, cached intermediates, extra
 * system roots), built once per configuration instead of once per evaluation (issue 14 item 5): a
 * {@code SecTrust} with 1,000 profile roots evaluated again and again indexes them once.
 *
 * <p>Memoized by the identity of the configuration's immutable list (a {@code SecTrust} hands the same list
 * object to every evaluation it makes; {@code EvaluationRequest} keeps it) or of its {@link UserStore}, with
 * weak keys: an entry lives as long as its configuration. Immutable lists hold immutable certificates, so an index built once is the
 * index of every later evaluation; a list of another kind, or one of a request built directly, only costs
 * a build per evaluation, as before. Small lists are indexed per evaluation (cheaper than a lookup).
 * Thread-safe.
 */
final class SuppliedIndexes {
    /** Lists up to this size are indexed per evaluation: a linear index of a few certificates costs less than a lookup. */
    private static final int MEMOIZED_FROM = 9;
    /** Live configurations indexed at once, per kind: more only rebuilds an index (an evaluation's cost before). */
    private static final int MAX_CONFIGURATIONS = 256;

    private static final Map<CertificateOrigin, Cache<List<Certificate>, NameIndex>> NAMES = names();
    private static final Cache<UserStore, NameIndex> USER_ROOTS = memo();

    private SuppliedIndexes() {}

    private static <K, V> Cache<K, V> memo() {
        // weak keys compare by identity: one entry per configuration list object
        return CacheBuilder.newBuilder()
                .weakKeys()
                .maximumSize(MAX_CONFIGURATIONS)
                .build();
    }

    private static Map<CertificateOrigin, Cache<List<Certificate>, NameIndex>> names() {
        Map<CertificateOrigin, Cache<List<Certificate>, NameIndex>> m = new EnumMap<>(CertificateOrigin.class);
        for (CertificateOrigin o : CertificateOrigin.values()) {
            m.put(o, memo());
        }
        return m;
    }

    /** {@link NameIndex#of} for a list a configuration supplies. */
    static NameIndex names(List<Certificate> certificates, CertificateOrigin origin) {
        if (certificates.size() < MEMOIZED_FROM) {
            return NameIndex.of(certificates, origin);
        }
        return NAMES.get(origin).asMap().computeIfAbsent(certificates, l -> NameIndex.of(l, origin));
    }

    /** The name index of the user trust store's certificates. */
    static NameIndex userRoots(UserStore store) {
        if (store.certificates().size() < MEMOIZED_FROM) {
            return NameIndex.of(store.certificates(), CertificateOrigin.ANCHOR_SOURCE);
        }
        return USER_ROOTS
                .asMap()
                .computeIfAbsent(store, s -> NameIndex.of(s.certificates(), CertificateOrigin.ANCHOR_SOURCE));
    }
}
