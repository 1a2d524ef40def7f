package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;
import java.util.Optional;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation, the presented chain (leaf first), whether the response also carries the
 * exceptions a device would store for the chain ({@code copyExceptions}), what was changed in the host
 * name ({@code hostNotice}), and the releases of an {@code ios} array (empty for a single release: one
 * response line per element otherwise).
 */
record BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions,
                    Optional<String> hostNotice, List<IosRelease> releases) {
    BatchRequest {
        chain = List.copyOf(chain);
        releases = List.copyOf(releases);
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions) {
        this(id, trust, chain, copyExceptions, Optional.empty(), List.of());
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain) {
        this(id, trust, chain, false);
    }

    /** This request under one release of its {@code ios} array (a single-release request). */
    BatchRequest forRelease(IosRelease release) {
        return new BatchRequest(id, trust.forRelease(release), chain, copyExceptions, hostNotice, List.of());
    }
}
