package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.ServerChain;
import java.util.List;
import java.util.Optional;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation, the presented chain (leaf first), whether the response also carries the
 * exceptions a device would store for the chain ({@code copyExceptions}), the chain entries iOS cannot
 * parse (§14.2 step 1: they make the verdict Invalid), what was changed in the host name
 * ({@code hostNotice}), and the releases of an {@code ios} array (empty for a single release: one
 * response line per element otherwise). Close it when its evaluation is over: that releases what the
 * request holds (an open Valid database, see {@link ValidDatabaseCache}).
 */
record BatchRequest(
        JsonNode id,
        SecTrust trust,
        List<Certificate> chain,
        boolean copyExceptions,
        List<ServerChain.Unparseable> unparseable,
        Optional<String> hostNotice,
        List<IosRelease> releases,
        Runnable done)
        implements AutoCloseable {
    BatchRequest {
        chain = List.copyOf(chain);
        unparseable = List.copyOf(unparseable);
        releases = List.copyOf(releases);
    }

    BatchRequest(
            JsonNode id,
            SecTrust trust,
            List<Certificate> chain,
            boolean copyExceptions,
            List<ServerChain.Unparseable> unparseable,
            Optional<String> hostNotice,
            List<IosRelease> releases) {
        this(id, trust, chain, copyExceptions, unparseable, hostNotice, releases, () -> {});
    }

    /** The chain as sent: parsed certificates and the entries iOS refuses. */
    ServerChain serverChain() {
        return new ServerChain(chain, unparseable);
    }

    /**
     * This request under one release of its {@code ios} array (a single-release request). It releases
     * nothing when closed: the request it came from does, once every release is answered.
     */
    BatchRequest forRelease(IosRelease release) {
        return new BatchRequest(
                id, trust.forRelease(release), chain, copyExceptions, unparseable, hostNotice, List.of());
    }

    /** This request, also running {@code release} when closed. */
    BatchRequest whenDone(Runnable release) {
        Runnable before = done;
        return new BatchRequest(id, trust, chain, copyExceptions, unparseable, hostNotice, releases, () -> {
            try {
                before.run();
            } finally {
                release.run();
            }
        });
    }

    @Override
    public void close() {
        done.run();
    }
}
