package io.github.sectrust4j.ct;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;

/**
 * An MDM "Certificate Transparency" payload's exceptions (spec §8.6, iOS 12.1.1+): domains and
 * SubjectPublicKeyInfo SHA-256 hashes for which CT is not required.
 *
 * @param domains     host names; an entry starting with "." covers the bare domain and every subdomain
 * @param spkiSha256  base64 SHA-256 hashes of SubjectPublicKeyInfo DER, canonical base64
 */
public record CtExceptions(Set<String> domains, Set<String> spkiSha256) {
    private static final CtExceptions NONE = new CtExceptions(Set.of(), Set.of());

    public CtExceptions {
        domains = ImmutableSet.copyOf(requireNonNull(domains, "domains"));
        ImmutableSet.Builder<String> hashes = ImmutableSet.builder();
        for (String h : requireNonNull(spkiSha256, "spkiSha256")) {
            hashes.add(canonical(h));
        }
        spkiSha256 = hashes.build();
    }

    /** No exceptions (no MDM payload). */
    public static CtExceptions none() {
        return NONE;
    }

    /** Exceptions for these domains and base64 SPKI SHA-256 hashes, as the MDM payload lists them. */
    public static CtExceptions of(Collection<String> domains, Collection<String> spkiSha256Base64) {
        return new CtExceptions(ImmutableSet.copyOf(domains), ImmutableSet.copyOf(spkiSha256Base64));
    }

    private static String canonical(String base64) {
        requireNonNull(base64, "hash");
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CT exception hash is not base64: '" + base64 + "'", e);
        }
        if (b.length != 32) {
            throw new IllegalArgumentException(
                    "CT exception hash is not a SHA-256 (" + b.length + " bytes): '" + base64 + "'");
        }
        return Base64.getEncoder().encodeToString(b);
    }
}
