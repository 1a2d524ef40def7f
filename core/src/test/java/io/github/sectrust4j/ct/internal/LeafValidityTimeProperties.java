package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** The CT rules' leaf validity decoding is exactly Bouncy Castle's {@code Time.getDate()}, fast path or not. */
class LeafValidityTimeProperties {

    @Property(tries = 2000)
    void decodingAgreesWithBouncyCastle_forEveryTimeString(@ForAll("times") byte[] der) throws Exception {
        Statistics.coverage(c -> {
            c.check("decoded").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        Time time = Time.getInstance(ASN1Primitive.fromByteArray(der));
        Instant bc;
        try {
            bc = time.getDate().toInstant();
        } catch (RuntimeException e) {
            Statistics.collect("refused");
            assertThatThrownBy(() -> LeafValidityTime.of(time)).isInstanceOf(e.getClass());
            return;
        }
        Statistics.collect("decoded");
        assertThat(LeafValidityTime.of(time)).isEqualTo(bc);
    }

    @Test
    void plainForms_areDecodedDirectly_otherFormsAreLeftToBouncyCastle() {
        assertThat(LeafValidityTime.plain(der(0x17, "491231235959Z"))).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(LeafValidityTime.plain(der(0x17, "500101000000Z"))).isEqualTo(Instant.parse("1950-01-01T00:00:00Z"));
        assertThat(LeafValidityTime.plain(der(0x18, "20240229120000Z")))
                .isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
        assertThat(LeafValidityTime.plain(der(0x18, "18990101000000Z"))).isNull(); // BC's calendar is Julian early on
        assertThat(LeafValidityTime.plain(der(0x17, "2302291200Z"))).isNull(); // no seconds
        assertThat(LeafValidityTime.plain(der(0x17, "230229120000Z"))).isNull(); // not a leap year: BC rolls over
        assertThat(LeafValidityTime.plain(der(0x17, "230101120000+0100".substring(0, 13))))
                .isNull();
    }

    @Provide
    Arbitrary<byte[]> times() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> year4 = Arbitraries.integers().between(1500, 2200).map(i -> String.format("%04d", i));
        Arbitrary<String> month = Arbitraries.integers().between(0, 13).map(i -> String.format("%02d", i));
        Arbitrary<String> day = Arbitraries.integers().between(0, 32).map(i -> String.format("%02d", i));
        Arbitrary<String> hour = Arbitraries.integers().between(0, 24).map(i -> String.format("%02d", i));
        Arbitrary<String> minSec = Arbitraries.integers().between(0, 61).map(i -> String.format("%02d", i));
        Arbitrary<String> zone = Arbitraries.of("Z", "Z", "Z", "+0100", "-0230", "");
        Arbitrary<String> seconds = Arbitraries.oneOf(minSec, minSec, minSec, Arbitraries.just(""));
        Arbitrary<byte[]> utc = Combinators.combine(two, month, day, hour, minSec, seconds, zone)
                .as((y, mo, d, h, mi, s, z) -> der(0x17, y + mo + d + h + mi + s + z));
        Arbitrary<byte[]> gen = Combinators.combine(year4, month, day, hour, minSec, seconds, zone)
                .as((y, mo, d, h, mi, s, z) -> der(0x18, y + mo + d + h + mi + s + z));
        return Arbitraries.oneOf(utc, gen);
    }

    private static byte[] der(int tag, String s) {
        byte[] c = s.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[c.length + 2];
        out[0] = (byte) tag;
        out[1] = (byte) c.length;
        System.arraycopy(c, 0, out, 2, c.length);
        return out;
    }
}
