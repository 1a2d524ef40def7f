package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.NormalizedName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Certificates indexed by Apple-normalized subject (§1.3), in insertion order, duplicates (by
 * SHA-256) removed. Certificates with an unparseable subject are kept for membership tests but never
 * returned as parents. Immutable.
 */
final class NameIndex implements CertificateSource {
    private final Map<NormalizedName, List<Certificate>> bySubject;
    private final Set<Certificate> members;
    private final CertificateOrigin origin;

    private NameIndex(Collection<Certificate> certificates, CertificateOrigin origin) {
        this.origin = origin;
        this.members = new LinkedHashSet<>(certificates);
        Map<NormalizedName, List<Certificate>> map = new HashMap<>();
        for (Certificate c : members) {
            c.normalizedSubject().ifPresent(n -> map.computeIfAbsent(n, k -> new ArrayList<>(1)).add(c));
        }
        // the lists never escape mutable: parentsOf returns unmodifiable views
        map.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
        this.bySubject = map;
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
        return child.normalizedIssuer().map(n -> bySubject.getOrDefault(n, List.of())).orElse(List.of());
    }

    @Override
    public CertificateOrigin origin() {
        return origin;
    }

    boolean contains(Certificate c) {
        return members.contains(c);
    }

    List<Certificate> all() {
        return List.copyOf(members);
    }
}
