package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import java.time.Instant;
import java.util.List;

/** Apple's path score (§1.5): higher is better; a path replaces the best only if strictly greater. */
final class PathScore {
    static final long NOT_VERIFIED = -100_000;
    static final long ANCHORED = 10_000;
    static final long SELF_SIGNED_TOP = 1_000;
    static final long ALL_VALID = 100;
    static final long NO_WEAK_HASH = 10;
    static final long NO_WEAK_KEY = 10;
    static final long ACCEPTED = 10_000_000;
    static final long EV = 1_000_000;

    private PathScore() {}

    static long score(CandidatePath p, Instant verifyTime, boolean accepted, boolean ev) {
        long s = 0;
        int n = p.size();
        if (!p.signaturesVerified()) {
            s += NOT_VERIFIED;
        }
        if (p.anchored()) {
            s += ANCHORED;
        }
        if (p.topSelfSigned()) {
            s += SELF_SIGNED_TOP - n; // shorter self-signed chains win
        } else {
            s += n; // longer chains win when not ending in a self-signed certificate
        }
        if (allValidAt(p, verifyTime)) {
            s += ALL_VALID;
        }
        if (!hasWeakHash(p)) {
            s += NO_WEAK_HASH;
        }
        if (allKeysStrong(p)) {
            s += NO_WEAK_KEY;
        }
        if (accepted) {
            s += ACCEPTED;
            if (ev) {
                s += EV;
            }
        }
        return s;
    }

    /** MD2/MD4/MD5/SHA-1/unrecognized signature hash anywhere, ignoring the top if anchored (§1.5). */
    static boolean hasWeakHash(CandidatePath p) {
        List<Certificate> certs = p.certificates();
        int end = p.anchored() ? certs.size() - 1 : certs.size();
        for (int i = 0; i < end; i++) {
            if (certs.get(i).signatureHash().isWeakForScoring()) {
                return true;
            }
        }
        return false;
    }

    // plain loops: a path is scored on every evaluation
    private static boolean allValidAt(CandidatePath p, Instant t) {
        for (Certificate c : p.certificates()) {
            if (!c.isValidAt(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allKeysStrong(CandidatePath p) {
        for (Certificate c : p.certificates()) {
            if (!c.publicKey().isStrong()) {
                return false;
            }
        }
        return true;
    }
}
