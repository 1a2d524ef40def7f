package io.github.sectrust4j.cert;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Bouncy Castle's DER parse with {@link ASN1Primitive#fromByteArray} semantics (same limit, same
 * "Extra data detected in stream" error), over an unsynchronized input: BC reads tags and lengths a
 * byte at a time, and {@link java.io.ByteArrayInputStream}'s reads each take a lock — about a third of
 * the cost of parsing a certificate.
 */
final class Asn1 {
    private Asn1() {}

    /** As {@code ASN1Primitive.fromByteArray(data)}. */
    static ASN1Primitive parse(byte[] data) throws IOException {
        Input in = new Input(data);
        ASN1Primitive p = new ASN1InputStream(in, data.length).readObject();
        if (in.available() != 0) {
            throw new IOException("Extra data detected in stream");
        }
        return p;
    }

    /** A byte array as a stream, single-threaded (one per parse). */
    private static final class Input extends InputStream {
        private final byte[] data;
        private int pos;

        Input(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (pos >= data.length) {
                return len == 0 ? 0 : -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, data.length - pos));
            pos += (int) k;
            return k;
        }

        @Override
        public int available() {
            return data.length - pos;
        }
    }
}
