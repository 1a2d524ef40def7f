package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.NormalizedName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Certificates indexed by Apple-normalized subject (§1.3), in insertion order, duplicates (by
 * SHA-256) removed. Certificates with an unparseable subject are kept for membership tests but never
 * returned as parents. Immutable.
 */
final class NameIndex implements AnchorIndex {
    /** Up to this many certificates (the per-evaluation sources: presented chain, app anchors), linear scans beat hashing. */
    private static final int SMALL = 8;

    /** Small indexes: the distinct certificates in order; null for large ones. */
    private final Certificate[] small;
    /** Large indexes only (null for small ones). */
    private final Map<NormalizedName, List<Certificate>> bySubject;

    /** Large indexes only: each distinct certificate mapped to itself, the first of equal ones (see {@link #find}). */
    private final Map<Certificate, Certificate> members;

    private final CertificateOrigin origin;

    private NameIndex(Collection<Certificate> certificates, CertificateOrigin origin) {
        this.origin = origin;
        if (certificates.size() <= SMALL) {
            Certificate[] distinct = new Certificate[certificates.size()];
            int n = 0;
            for (Certificate c : certificates) {
                if (indexOf(distinct, n, c) < 0) {
                    distinct[n++] = c;
                }
            }
            this.small = Arrays.copyOf(distinct, n);
            this.bySubject = null;
            this.members = null;
            return;
        }
        this.small = null;
        Map<Certificate, Certificate> distinct = new LinkedHashMap<>();
        for (Certificate c : certificates) {
            distinct.putIfAbsent(c, c);
        }
        this.members = distinct;
        Map<NormalizedName, List<Certificate>> map = new HashMap<>();
        for (Certificate c : distinct.keySet()) {
            c.normalizedSubject()
                    .ifPresent(
                            n -> map.computeIfAbsent(n, k -> new ArrayList<>(1)).add(c));
        }
        // the lists never escape mutable: parentsOf returns unmodifiable views
        map.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
        this.bySubject = map;
    }

    private static int indexOf(Certificate[] certs, int n, Certificate c) {
        for (int i = 0; i < n; i++) {
            if (certs[i].equals(c)) {
                return i;
            }
        }
        return -1;
    }

    /** One shared empty index per origin: most sources of an evaluation are empty (immutable, so sharable). */
    private static final Map<CertificateOrigin, NameIndex> EMPTY = emptyIndexes();

    private static Map<CertificateOrigin, NameIndex> emptyIndexes() {
        Map<CertificateOrigin, NameIndex> m = new java.util.EnumMap<>(CertificateOrigin.class);
        for (CertificateOrigin o : CertificateOrigin.values()) {
            m.put(o, new NameIndex(List.of(), o));
        }
        return m;
    }

    static NameIndex of(Collection<Certificate> certificates, CertificateOrigin origin) {
        return certificates.isEmpty() ? EMPTY.get(origin) : new NameIndex(certificates, origin);
    }

    @Override
    public List<Certificate> parentsOf(Certificate child) {
        Optional<NormalizedName> issuer = child.normalizedIssuer();
        if (issuer.isEmpty()) {
            return List.of();
        }
        if (small == null) {
            return bySubject.getOrDefault(issuer.get(), List.of());
        }
        List<Certificate> out = null;
        for (Certificate c : small) {
            Optional<NormalizedName> subject = c.normalizedSubject();
            if (subject.isPresent() && subject.get().equals(issuer.get())) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(c);
            }
        }
        return out == null ? List.of() : java.util.Collections.unmodifiableList(out);
    }

    @Override
    public CertificateOrigin origin() {
        return origin;
    }

    @Override
    public boolean contains(Certificate c) {
        return small != null ? indexOf(small, small.length, c) >= 0 : members.containsKey(c);
    }

    /** The indexed certificate equal to {@code c} (the first given of equal ones), or null. */
    Certificate find(Certificate c) {
        if (small != null) {
            int i = indexOf(small, small.length, c);
            return i < 0 ? null : small[i];
        }
        return members.get(c);
    }

    /** How many distinct certificates are indexed. */
    int size() {
        return small != null ? small.length : members.size();
    }

    @Override
    public List<Certificate> all() {
        return small != null ? List.of(small) : List.copyOf(members.keySet());
    }
}
