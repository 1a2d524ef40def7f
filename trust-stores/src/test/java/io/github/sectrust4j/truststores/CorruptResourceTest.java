package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A damaged resource is a clear TrustStoreDataException, never a partial store. */
class CorruptResourceTest {
    private static final byte[] POOL = AppleTrustStores.resource("anchors.bin");
    private static final byte[] STORE = AppleTrustStores.resource("store-2024013100.bin");

    private static AppleTrustStore decode(byte[] store) {
        return AppleTrustStore.decode(store, "store-test.bin", AnchorPool.parse(POOL, "anchors.bin"), List.of());
    }

    @Test
    void intactResourcesDecode() {
        assertThat(decode(STORE).anchors()).hasSize(149);
    }

    @Test
    void truncatedStoreIsRejectedAtEveryCut() {
        for (int cut = 0; cut < STORE.length; cut += Math.max(1, STORE.length / 200)) {
            byte[] t = Arrays.copyOf(STORE, cut);
            assertThatThrownBy(() -> decode(t))
                    .as("cut at %d", cut)
                    .isInstanceOf(TrustStoreDataException.class)
                    .hasMessageContaining("store-test.bin");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] t = Arrays.copyOf(STORE, STORE.length + 3);
        assertThatThrownBy(() -> decode(t))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void everySingleByteFlipIsDetected() {
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] t = STORE.clone();
            t[rnd.nextInt(t.length)] ^= (byte) (1 + rnd.nextInt(255));
            assertThatThrownBy(() -> decode(t))
                    .isInstanceOf(TrustStoreDataException.class)
                    .hasMessageContaining("store-test.bin");
        }
        byte[] p = POOL.clone();
        p[p.length / 3] ^= 1;
        assertThatThrownBy(() -> AnchorPool.parse(p, "anchors.bin"))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("anchors.bin");
    }

    /** Structure checks behind the checksum: a well-checksummed file of the wrong kind or shape. */
    @Test
    void wrongMagicFormatOrShapeIsRejectedEvenWithAValidChecksum() {
        byte[] body = Arrays.copyOf(STORE, STORE.length - 4);
        byte[] t = body.clone();
        t[0] ^= 0x55;
        assertThatThrownBy(() -> decode(withCrc(t)))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("magic");
        byte[] f = body.clone();
        f[7] = 9;
        assertThatThrownBy(() -> decode(withCrc(f)))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> AnchorPool.parse(STORE, "anchors.bin"))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("anchors.bin");
        for (int cut = 0; cut < body.length; cut += Math.max(1, body.length / 200)) {
            byte[] c = withCrc(Arrays.copyOf(body, cut));
            assertThatThrownBy(() -> decode(c))
                    .as("cut at %d", cut)
                    .isInstanceOf(TrustStoreDataException.class)
                    .hasMessageContaining("store-test.bin");
        }
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] r = body.clone();
            r[8 + rnd.nextInt(r.length - 8)] ^= (byte) (1 + rnd.nextInt(255));
            try {
                decode(withCrc(r));
            } catch (TrustStoreDataException expected) {
                assertThat(expected.getMessage()).contains("store-test.bin");
            }
        }
    }

    private static byte[] withCrc(byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(content.length + 4);
        b.put(content).putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void truncatedOrGarbagePoolIsRejected() {
        assertThatThrownBy(() -> AnchorPool.parse(Arrays.copyOf(POOL, 10), "anchors.bin"))
                .isInstanceOf(TrustStoreDataException.class);
        assertThatThrownBy(() -> AnchorPool.parse(new byte[2], "anchors.bin"))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("truncated");
        byte[] half = withCrc(Arrays.copyOf(POOL, POOL.length / 2));
        assertThatThrownBy(() -> {
                    AnchorPool cut = AnchorPool.parse(half, "anchors.bin");
                    for (int i = 0; i < cut.size(); i++) {
                        cut.get(i);
                    }
                })
                .isInstanceOf(TrustStoreDataException.class);
        assertThatThrownBy(() -> AnchorPool.parse(POOL, "anchors.bin").get(100_000))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("outside the pool");
    }

    @Test
    void corruptIndexIsRejected() {
        assertThatThrownBy(() -> AppleTrustStores.parseIndex("2015032000\tx\tnot-a-date\t1\t1\n"))
                .isInstanceOf(TrustStoreDataException.class)
                .hasMessageContaining("versions.tsv");
        assertThatThrownBy(() -> AppleTrustStores.parseIndex("# nothing\n"))
                .isInstanceOf(TrustStoreDataException.class);
    }
}
