package io.github.sectrust4j.truststores;

import java.util.Arrays;
import java.util.zip.CRC32;

/** Every binary resource ends with a big-endian CRC-32 of the bytes before it. */
final class Crc {
    private Crc() {}

    /** The content without its CRC trailer, after checking it. */
    static byte[] strip(byte[] data, String name) {
        if (data.length < 4) {
            throw new TrustStoreDataException(name + " is truncated (" + data.length + " bytes)");
        }
        int n = data.length - 4;
        CRC32 crc = new CRC32();
        crc.update(data, 0, n);
        int expected = ((data[n] & 0xFF) << 24)
                | ((data[n + 1] & 0xFF) << 16)
                | ((data[n + 2] & 0xFF) << 8)
                | (data[n + 3] & 0xFF);
        if ((int) crc.getValue() != expected) {
            throw new TrustStoreDataException(name + " is corrupt (checksum mismatch); rebuild or regenerate it");
        }
        return Arrays.copyOf(data, n);
    }
}
