package io.github.sectrust4j.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A small binary property list ({@code bplist00}) that materialises big: a top-level array holding
 * {@code references} references to one shared object — a data object of {@code dataBytes}, or a
 * one-entry dictionary when {@code dataBytes} is 0. Written by hand (no plist library writes shared
 * references on purpose).
 */
final class PlistBomb {
    private PlistBomb() {}

    static byte[] sharedReferences(int references, int dataBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
        int[] offsets = new int[4];
        int refSize = 1;
        // object 0: the array, references all to object 1
        offsets[0] = b.size();
        b.write(0xAF);
        b.write(0x12); // count as a 4-byte integer
        b.writeBytes(ByteBuffer.allocate(4).putInt(references).array());
        for (int i = 0; i < references; i++) {
            b.write(1);
        }
        // object 1: the shared object
        offsets[1] = b.size();
        int objects;
        if (dataBytes > 0) {
            b.write(0x4F);
            b.write(0x12);
            b.writeBytes(ByteBuffer.allocate(4).putInt(dataBytes).array());
            b.writeBytes(new byte[dataBytes]);
            objects = 2;
        } else {
            b.write(0xD1); // one entry: key object 2, value object 3
            b.write(2);
            b.write(3);
            offsets[2] = b.size();
            b.write(0x51);
            b.write('k');
            offsets[3] = b.size();
            b.write(0x09); // true
            objects = 4;
        }
        int table = b.size();
        for (int i = 0; i < objects; i++) {
            b.writeBytes(ByteBuffer.allocate(4).putInt(offsets[i]).array());
        }
        ByteBuffer trailer = ByteBuffer.allocate(32);
        trailer.position(6);
        trailer.put((byte) 4).put((byte) refSize).putLong(objects).putLong(0).putLong(table);
        b.writeBytes(trailer.array());
        return b.toByteArray();
    }
}
