package io.github.sectrust4j.truststores;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The deduplicated anchor records of every version ({@code anchors.bin}). Records are decoded
 * on first use and then shared by every store that names them, so all versions together hold
 * each anchor once.
 *
 * <p>Format (big-endian, {@link java.io.DataOutput}): int magic "S4JA", int format (1), int n,
 * int[n] record offsets (relative to the first record), then n records: sha256[32], sha1[20],
 * keySha1[20], spkiSha256[32], then length-prefixed (int, -1 = null) subject, issuer, serial,
 * spki, ski, aki; long notBefore, long notAfter (epoch seconds), byte version, byte cA
 * (-1 = no basicConstraints), int pathLen (-1 none), int keyUsage (-1 absent), UTF sigAlg,
 * boolean selfSigned, bytes nameConstraints, short policy count + UTF OIDs, bytes Apple file
 * SHA-256 (null unless the file had bytes after the certificate). Records are sorted
 * by Apple's file SHA-256. The file ends with a CRC-32 of everything before it.
 */
final class AnchorPool {
    static final int MAGIC = 0x53344A41;
    static final int FORMAT = 1;

    private final byte[] data;
    private final int[] offsets;
    private final int recordsStart;
    private final AtomicReferenceArray<AnchorRecord> decoded;

    private AnchorPool(byte[] data, int[] offsets, int recordsStart) {
        this.data = data;
        this.offsets = offsets;
        this.recordsStart = recordsStart;
        this.decoded = new AtomicReferenceArray<>(offsets.length);
    }

    static AnchorPool parse(byte[] file, String name) {
        byte[] data = Crc.strip(file, name);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            if (in.readInt() != MAGIC) {
                throw new TrustStoreDataException(name + " is not an anchor pool (bad magic)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new TrustStoreDataException(name + " has format " + format + ", expected " + FORMAT);
            }
            int n = in.readInt();
            if (n < 0 || 12L + 4L * n > data.length) {
                throw new TrustStoreDataException(name + " is corrupt: bad record count " + n);
            }
            int[] offsets = new int[n];
            int start = 12 + 4 * n;
            for (int i = 0; i < n; i++) {
                offsets[i] = in.readInt();
                if (offsets[i] < 0 || (long) start + offsets[i] >= data.length) {
                    throw new TrustStoreDataException(name + " is corrupt: record offset out of range");
                }
            }
            return new AnchorPool(data, offsets, start);
        } catch (IOException e) {
            throw new TrustStoreDataException(name + " is truncated", e);
        }
    }

    int size() {
        return offsets.length;
    }

    AnchorRecord get(int index) {
        if (index < 0 || index >= offsets.length) {
            throw new TrustStoreDataException("anchor index " + index + " outside the pool of " + offsets.length);
        }
        AnchorRecord r = decoded.get(index);
        if (r == null) {
            r = decode(index);
            if (!decoded.compareAndSet(index, null, r)) {
                r = decoded.get(index);
            }
        }
        return r;
    }

    private AnchorRecord decode(int index) {
        int off = recordsStart + offsets[index];
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, off, data.length - off));
            byte[] sha256 = fixed(in, 32);
            byte[] sha1 = fixed(in, 20);
            byte[] keySha1 = fixed(in, 20);
            byte[] spkiSha256 = fixed(in, 32);
            byte[] subject = bytes(in);
            byte[] issuer = bytes(in);
            byte[] serial = bytes(in);
            byte[] spki = bytes(in);
            byte[] ski = bytes(in);
            byte[] aki = bytes(in);
            Instant notBefore = Instant.ofEpochSecond(in.readLong());
            Instant notAfter = Instant.ofEpochSecond(in.readLong());
            int version = in.readByte();
            int ca = in.readByte();
            int pathLen = in.readInt();
            int keyUsage = in.readInt();
            String sigAlg = in.readUTF();
            boolean selfSigned = in.readBoolean();
            byte[] nc = bytes(in);
            int np = in.readShort();
            List<String> policies = new ArrayList<>(np);
            for (int i = 0; i < np; i++) {
                policies.add(in.readUTF());
            }
            byte[] fileSha256 = bytes(in);
            if (subject == null || issuer == null || serial == null || spki == null) {
                throw new TrustStoreDataException("anchor record " + index + " lacks a required field");
            }
            return new AnchorRecord(
                    sha256,
                    sha1,
                    subject,
                    issuer,
                    serial,
                    spki,
                    ski,
                    aki,
                    notBefore,
                    notAfter,
                    version,
                    ca < 0 ? null : new AnchorRecord.BasicConstraints(ca == 1, pathLen),
                    keyUsage,
                    sigAlg,
                    selfSigned,
                    nc,
                    policies,
                    keySha1,
                    spkiSha256,
                    fileSha256);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TrustStoreDataException) {
                throw (TrustStoreDataException) e;
            }
            throw new TrustStoreDataException("anchor record " + index + " is corrupt: " + e, e);
        }
    }

    private static byte[] fixed(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length " + n);
        }
        return fixed(in, n);
    }
}
