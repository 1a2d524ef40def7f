package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation, the presented chain (leaf first), and whether the response also carries the
 * exceptions a device would store for the chain ({@code copyExceptions}). Close it when its evaluation
 * is over: that releases what the request holds (an open Valid database, see {@link ValidDatabaseCache}).
 */
record BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions, Runnable done)
        implements AutoCloseable {
    BatchRequest {
        chain = List.copyOf(chain);
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions) {
        this(id, trust, chain, copyExceptions, () -> { });
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain) {
        this(id, trust, chain, false);
    }

    /** This request, also running {@code release} when closed. */
    BatchRequest whenDone(Runnable release) {
        Runnable before = done;
        return new BatchRequest(id, trust, chain, copyExceptions, () -> {
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
