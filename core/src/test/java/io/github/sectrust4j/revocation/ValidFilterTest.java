package io.github.sectrust4j.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** The format-3 filter (§9.2). Vectors computed independently (Python) from Apple's published algorithm. */
class ValidFilterTest {

    private static ValidFilter singleBit(int bitIndex, int bytes, int seed) {
        byte[] bits = new byte[bytes];
        bits[bitIndex / 8] |= (byte) (1 << (bitIndex % 8));
        return ValidFilter.of(bits, List.of(seed));
    }

    @Test
    void hashVectors_selectTheExpectedBit() {
        // serial 01 02, seed 0, 32 bits -> bit 12; seed 7 -> bit 19; serial 80, seed -1, 64 bits -> bit 14
        assertThat(singleBit(12, 4, 0).mightContain(new byte[] {1, 2})).isTrue();
        assertThat(singleBit(13, 4, 0).mightContain(new byte[] {1, 2})).isFalse();
        assertThat(singleBit(19, 4, 7).mightContain(new byte[] {1, 2})).isTrue();
        assertThat(singleBit(14, 8, -1).mightContain(new byte[] {(byte) 0x80})).isTrue();
        assertThat(singleBit(15, 8, -1).mightContain(new byte[] {(byte) 0x80})).isFalse();
    }

    @Test
    void everySeedMustHit() {
        byte[] bits = new byte[4];
        bits[12 / 8] |= (byte) (1 << (12 % 8));
        assertThat(ValidFilter.of(bits, List.of(0)).mightContain(new byte[] {1, 2}))
                .isTrue();
        assertThat(ValidFilter.of(bits, List.of(0, 7)).mightContain(new byte[] {1, 2}))
                .isFalse();
    }

    @Test
    void parsesZlibCompressedAndPlainXmlPlists_skippingNonIntegerParams() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plist version=\"1.0\"><dict>"
                + "<key>params</key><array><integer>0</integer><string>x</string></array>"
                + "<key>xor</key><data>ABAAAA==</data></dict></plist>"; // bytes 00 10 00 00: bit 12 set
        byte[] plain = xml.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
            out.write(plain);
        }
        for (byte[] blob : List.of(plain, compressed.toByteArray())) {
            ValidFilter filter = ValidFilter.parse(blob);
            assertThat(filter.seedCount()).isEqualTo(1);
            assertThat(filter.mightContain(new byte[] {1, 2})).isTrue();
            assertThat(filter.fillRatio()).isEqualTo(1 / 32.0);
        }
    }

    @Test
    void garbageBlobs_areAClearError() {
        assertThatThrownBy(() -> ValidFilter.parse(new byte[] {0x78, (byte) 0xDA, 1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidFilter.parse("<plist><array/></plist>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidFilter.of(new byte[0], List.of(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
