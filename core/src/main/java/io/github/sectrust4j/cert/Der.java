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
        int first = der[1] & 0xff;
        int at = 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x81 && der.length > 2 && (der[2] & 0xff) >= 0x80) {
            length = der[2] & 0xff;
            at = 3;
        } else if (first == 0x82 && der.length > 3 && (der[2] & 0xff) != 0) {
            length = ((der[2] & 0xff) << 8) | (der[3] & 0xff);
            if (length < 0x100) {
                return null;
            }
            at = 4;
        } else {
            return null;
        }
        return length == der.length - at ? java.util.Arrays.copyOfRange(der, at, der.length) : null;
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
