package io.github.sectrust4j.request;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device's user trust store as an evaluation looks it up: the entry of a certificate (the first entry for a
 * certificate wins, one row per certificate, §7.2). Immutable and thread-safe.
 *
 * <p>Built once per configuration, not per evaluation (issue 14 item 5): {@link #of} is memoized by the identity of
 * the configuration's immutable list of roots (a {@code SecTrust} hands the same list object to every evaluation;
 * {@link EvaluationRequest} keeps it), with weak keys, so an entry lives as long as its configuration. A list of
 * another kind only costs a build per evaluation. Small stores are built per call (cheaper than a lookup).
 */
public final class UserStore {
    /** Stores up to this size are built per call: a few hashes cost less than a memo lookup. */
    private static final int MEMOIZED_FROM = 9;
    /** Live configurations memoized at once: more only rebuilds a store (what every evaluation did before). */
    private static final int MAX_CONFIGURATIONS = 256;

    private static final UserStore EMPTY = new UserStore(List.of());

    // weak keys compare by identity: one entry per configuration list object
    private static final Cache<List<UserRoot>, UserStore> MEMO =
            CacheBuilder.newBuilder().weakKeys().maximumSize(MAX_CONFIGURATIONS).build();

    private final Map<Certificate, UserRoot> byCertificate;

    private UserStore(List<UserRoot> roots) {
        Map<Certificate, UserRoot> m = new LinkedHashMap<>();
        for (UserRoot u : roots) {
            m.putIfAbsent(CertificateInput.fromCert(u.certificate()), u);
        }
        this.byCertificate = Collections.unmodifiableMap(m);
    }

    /** The store of these roots, in order. */
    public static UserStore of(List<UserRoot> roots) {
        if (roots.isEmpty()) {
            return EMPTY;
        }
        if (roots.size() < MEMOIZED_FROM) {
            return new UserStore(roots);
        }
        return MEMO.asMap().computeIfAbsent(roots, UserStore::new);
    }

    /** The entry for this certificate (by SHA-256), if it is in the store. */
    public Optional<UserRoot> entryFor(Certificate c) {
        return Optional.ofNullable(byCertificate.get(c));
    }

    /** The certificate is in the store. */
    public boolean contains(Certificate c) {
        return byCertificate.containsKey(c);
    }

    /** The distinct certificates, in the order of their first entry (the first given of equal ones). */
    public Set<Certificate> certificates() {
        return byCertificate.keySet();
    }
}
