package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** The word-at-a-time scans find what a byte-by-byte loop finds, wherever it lies in a word. */
class ByteScanTest {
    @Provide
    Arbitrary<byte[]> mostlyAscii() {
        return Arbitraries.of(
                        (byte) 'a', (byte) 'a', (byte) 'a', (byte) '\n', (byte) '?', (byte) 0xA7, (byte) 0x80, (byte)
                                0x0A)
                .array(byte[].class)
                .ofMaxSize(40);
    }

    @Property(tries = 2000)
    void indexOf_isTheFirstMatch(
            @ForAll("mostlyAscii") byte[] b,
            @ForAll @IntRange(min = 0, max = 40) int from,
            @ForAll @IntRange(min = 0, max = 40) int to,
            @ForAll("value") byte value) {
        from = Math.min(from, b.length);
        to = Math.max(from, Math.min(to, b.length));
        int expected = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                expected = i;
                break;
            }
        }
        Statistics.collect(
                expected < 0 ? "absent" : expected - from >= 8 ? "found after a word" : "found in the first word");
        Statistics.coverage(c -> {
            c.check("absent").count(n -> n > 0);
            c.check("found after a word").count(n -> n > 0);
            c.check("found in the first word").count(n -> n > 0);
        });
        assertThat(ByteScan.indexOf(b, value, from, to)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Byte> value() {
        return Arbitraries.of((byte) '\n', (byte) '?', (byte) 0xA7, (byte) 0x80);
    }

    @Property(tries = 2000)
    void nonAscii_isTheFirstByteFrom0x80(
            @ForAll("mostlyAscii") byte[] b,
            @ForAll @IntRange(min = 0, max = 40) int from,
            @ForAll @IntRange(min = 0, max = 40) int to) {
        from = Math.min(from, b.length);
        to = Math.max(from, Math.min(to, b.length));
        int expected = from;
        while (expected < to && b[expected] >= 0) {
            expected++;
        }
        Statistics.collect(expected == to ? "all ASCII" : "a byte from 0x80");
        Statistics.coverage(c -> {
            c.check("all ASCII").count(n -> n > 0);
            c.check("a byte from 0x80").count(n -> n > 0);
        });
        assertThat(ByteScan.nonAscii(b, from, to)).isEqualTo(expected);
    }
}
