package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.DerivedFact;
import io.github.sectrust4j.cert.NormalizedName;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anchors of a trust store indexed by the normalized subject of their records (§1.3), the certificate
 * of a record built only when a lookup or a membership test reaches it ({@link SystemStoreIndex.Anchor}): an
 * evaluation touches a handful of the store's hundreds of roots, so a first evaluation does not pay
 * for encoding and parsing all of them. Same answers as a {@link NameIndex} of all the built
 * certificates: insertion order, duplicates by SHA-256 removed, a record that cannot be built never
 * found. Immutable; thread-safe.
 */
final class StoreAnchorIndex implements AnchorIndex {
    private final List<SystemStoreIndex.Anchor> entries;
    private final Map<NormalizedName, List<SystemStoreIndex.Anchor>> bySubject;
    private final Map<ByteBuffer, SystemStoreIndex.Anchor> bySha256;

    StoreAnchorIndex(List<SystemStoreIndex.Anchor> records) {
        Map<ByteBuffer, SystemStoreIndex.Anchor> sha = new LinkedHashMap<>();
        for (SystemStoreIndex.Anchor e : records) {
            sha.putIfAbsent(e.sha256(), e);
        }
        Map<NormalizedName, List<SystemStoreIndex.Anchor>> map = new HashMap<>();
        for (SystemStoreIndex.Anchor e : sha.values()) {
            e.normalizedSubject()
                    .ifPresent(
                            n -> map.computeIfAbsent(n, k -> new ArrayList<>(1)).add(e));
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.entries = List.copyOf(sha.values());
        this.bySubject = map;
        this.bySha256 = sha;
    }

    @Override
    public List<Certificate> parentsOf(Certificate child) {
        Optional<NormalizedName> issuer = child.normalizedIssuer();
        if (issuer.isEmpty()) {
            return List.of();
        }
        List<SystemStoreIndex.Anchor> named = bySubject.get(issuer.get());
        if (named == null) {
            return List.of(); // the common case (every certificate below the path's top): nothing made
        }
        List<Certificate> out = new ArrayList<>(named.size());
        for (int i = 0, n = named.size(); i < n; i++) {
            // the built certificate decides, as in a NameIndex of built certificates
            Optional<Certificate> c = named.get(i).certificate();
            if (c.isPresent() && c.get().normalizedSubject().equals(issuer)) {
                out.add(c.get());
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public CertificateOrigin origin() {
        return CertificateOrigin.ANCHOR_SOURCE;
    }

    /** The certificate's SHA-256 as a lookup key, made once per certificate object (never read or moved). */
    private static final DerivedFact<ByteBuffer> SHA256_KEY = DerivedFact.of(c -> ByteBuffer.wrap(c.sha256()));

    @Override
    public boolean contains(Certificate c) {
        SystemStoreIndex.Anchor e = bySha256.get(SHA256_KEY.of(c));
        return e != null && e.certificate().isPresent();
    }

    @Override
    public List<Certificate> all() {
        List<Certificate> out = new ArrayList<>(entries.size());
        entries.forEach(e -> e.certificate().ifPresent(out::add));
        return List.copyOf(out);
    }
}
