package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Per-evaluation inputs of the Valid processing (spec §9.2).
 *
 * @param now                the evaluation's current clock (a group notAfter already past makes CT required, §14.3)
 * @param serverAuthPolicy   a policy being evaluated is SSL server / EAP server / IPsec server (subject to
 *                           policy constraints)
 * @param appleAnchoredPath  the path is anchored at an Apple root: no-ca-v2 is cleared so OCSP is still consulted
 */
public record ValidContext(Instant now, boolean serverAuthPolicy, boolean appleAnchoredPath) {
    public ValidContext {
        requireNonNull(now, "now");
    }

    /** The SSL server policy on a path not anchored at an Apple root. */
    public static ValidContext sslServer(Instant now) {
        return new ValidContext(now, true, false);
    }
}
