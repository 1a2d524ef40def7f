package io.github.sectrust4j.truststores.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One DER TLV inside a byte array: just enough DER to pull anchor facts out of a certificate. */
final class Der {
    final byte[] buf;
    final int tag;
    /** offset of the tag byte */
    final int start;
    /** offset of the first content byte */
    final int contentStart;
    /** offset just past the content */
    final int end;

    private Der(byte[] buf, int tag, int start, int contentStart, int end) {
        this.buf = buf;
        this.tag = tag;
        this.start = start;
        this.contentStart = contentStart;
        this.end = end;
    }

    static Der read(byte[] buf, int off, int limit) {
        if (off + 2 > limit) {
            throw new IllegalArgumentException("truncated DER at " + off);
        }
        int tag = buf[off] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("multi-byte tags unsupported at " + off);
        }
        int p = off + 1;
        int len = buf[p++] & 0xFF;
        if (len >= 0x80) {
            int n = len & 0x7F;
            if (n == 0 || n > 4 || p + n > limit) {
                throw new IllegalArgumentException("bad DER length at " + off);
            }
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (buf[p++] & 0xFF);
            }
            if (len < 0) {
                throw new IllegalArgumentException("bad DER length at " + off);
            }
        }
        if (p + len > limit || p + len < p) {
            throw new IllegalArgumentException("DER value overruns its container at " + off);
        }
        return new Der(buf, tag, off, p, p + len);
    }

    static Der of(byte[] der) {
        Der d = read(der, 0, der.length);
        if (d.end != der.length) {
            throw new IllegalArgumentException("trailing bytes after DER value");
        }
        return d;
    }

    List<Der> children() {
        List<Der> out = new ArrayList<>();
        int p = contentStart;
        while (p < end) {
            Der c = read(buf, p, end);
            out.add(c);
            p = c.end;
        }
        return out;
    }

    byte[] encoded() {
        return Arrays.copyOfRange(buf, start, end);
    }

    byte[] content() {
        return Arrays.copyOfRange(buf, contentStart, end);
    }

    int length() {
        return end - contentStart;
    }

    boolean isContext(int n) {
        return (tag & 0xC0) == 0x80 && (tag & 0x1F) == n;
    }

    String oid() {
        if (tag != 0x06) {
            throw new IllegalArgumentException("not an OID");
        }
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean first = true;
        for (int p = contentStart; p < end; p++) {
            v = (v << 7) | (buf[p] & 0x7F);
            if ((buf[p] & 0x80) == 0) {
                if (first) {
                    long a = v < 40 ? 0 : v < 80 ? 1 : 2;
                    sb.append(a).append('.').append(v - a * 40);
                    first = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }
}
