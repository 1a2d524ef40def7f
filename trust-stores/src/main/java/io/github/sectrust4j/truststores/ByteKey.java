package io.github.sectrust4j.truststores;

import java.util.Arrays;

/** Hash key over byte content (the caller must not mutate the wrapped array). */
final class ByteKey {
    private final byte[] bytes;
    private final int hash;

    ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey && ((ByteKey) o).hash == hash && Arrays.equals(((ByteKey) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
