package io.github.sectrust4j.cert;

/**
 * Minimal DER header reader, used only to slice raw element bytes (the TBSCertificate must be
 * verified over its original bytes, never a re-encoding; CT rebuilds a precertificate's TBS from the
 * leaf's own bytes) and to give precise length errors before Bouncy Castle sees the input.
 * Single-byte tags and definite lengths only — all a certificate needs. Internal to sectrust4j.
 */
public final class Der {
    private Der() {}

    /** Start and end (exclusive) of one TLV, plus where its contents begin. */
    public record Tlv(int tag, int start, int contentStart, int end) {}

    /**
     * Reads the TLV header at {@code offset} within {@code limit}.
     *
     * @throws RuntimeException (a {@code ParseProblem}) with a precise reason for truncated or unsupported headers
     */
    public static Tlv read(byte[] der, int offset, int limit) {
        if (offset >= limit) {
            throw new ParseProblem("DER ends where an element was expected (offset " + offset + ")");
        }
        int tag = der[offset] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new ParseProblem("high-tag-number form at offset " + offset + " is not supported here");
        }
        int p = offset + 1;
        if (p >= limit) {
            throw new ParseProblem("DER truncated: no length byte after tag at offset " + offset);
        }
        int first = der[p++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw new ParseProblem("indefinite length (BER) at offset " + offset + " is not DER");
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw new ParseProblem("DER length field of " + n + " bytes at offset " + offset + " is too large");
            }
            if (p + n > limit) {
                throw new ParseProblem("DER truncated inside the length field at offset " + offset);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[p++] & 0xff);
            }
        }
        long end = (long) p + length;
        if (end > limit) {
            throw new ParseProblem("DER length " + length + " exceeds the " + (limit - p) + " bytes present");
        }
        return new Tlv(tag, offset, p, (int) end);
    }

    /** The consecutive TLVs from {@code from} to {@code to} (e.g. the fields of a SEQUENCE's contents). */
    public static java.util.List<Tlv> children(byte[] der, int from, int to) {
        java.util.List<Tlv> out = new java.util.ArrayList<>();
        int at = from;
        while (at < to) {
            Tlv t = read(der, at, to);
            out.add(t);
            at = t.end();
        }
        return out;
    }

    /**
     * The contents of {@code der} when it is exactly one primitive OCTET STRING in DER (minimal definite length,
     * nothing after it) — what Bouncy Castle decodes and re-encodes to the same bytes — else null (BC decides).
     */
    public static byte[] octetStringContents(byte[] der) {
        if (der.length < 2 || der[0] != 0x04) {
            return null;
        }
        long h = minimalHeader(der, 0, der.length);
        return h >= 0 && contentEnd(h) == der.length
                ? java.util.Arrays.copyOfRange(der, contentStart(h), der.length)
                : null;
    }

    /**
     * The element at {@code der[at]} (its tag is the caller's to check) when its length is definite, in its shortest
     * form, below 65,536, and its contents end by {@code limit}: where its contents start and end, packed (read
     * them with {@link #contentStart} and {@link #contentEnd}); else -1.
     */
    static long minimalHeader(byte[] der, int at, int limit) {
        int p = at + 1;
        if (p >= limit) {
            return -1;
        }
        int first = der[p++] & 0xff;
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x81 && p < limit && (der[p] & 0xff) >= 0x80) {
            length = der[p++] & 0xff;
        } else if (first == 0x82 && p + 1 < limit && der[p] != 0) {
            length = ((der[p] & 0xff) << 8) | (der[p + 1] & 0xff);
            p += 2;
            if (length < 0x100) {
                return -1;
            }
        } else {
            return -1;
        }
        return length <= limit - p ? ((long) p << 32) | (p + length) : -1;
    }

    static int contentStart(long header) {
        return (int) (header >>> 32);
    }

    static int contentEnd(long header) {
        return (int) header;
    }

    /** An internal parse failure with a human-readable reason; converted to CertificateInputException. */
    static final class ParseProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseProblem(String reason) {
            super(reason, null, false, false);
        }

        ParseProblem(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
