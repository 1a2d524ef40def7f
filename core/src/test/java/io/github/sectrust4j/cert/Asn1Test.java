package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;

/** {@link Asn1#parse} behaves as Bouncy Castle's {@code ASN1Primitive.fromByteArray} on any input. */
class Asn1Test {
    private static final byte[] CERT = TestCerts.tbs().parse().der();

    /** "ok:" + the DER re-encoding, or the exception's type and message. */
    private static String outcomeOf(byte[] data, boolean ours) {
        try {
            ASN1Primitive p = ours ? Asn1.parse(data) : ASN1Primitive.fromByteArray(data);
            return p == null ? "null" : "ok:" + Arrays.toString(p.getEncoded());
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void certificate_trailingData_truncation_andEmptyInput() {
        assertThat(outcomeOf(CERT, true)).startsWith("ok:").isEqualTo(outcomeOf(CERT, false));
        byte[] trailing = Arrays.copyOf(CERT, CERT.length + 1);
        assertThat(outcomeOf(trailing, true))
                .contains("Extra data detected in stream")
                .isEqualTo(outcomeOf(trailing, false));
        byte[] truncated = Arrays.copyOf(CERT, CERT.length - 3);
        assertThat(outcomeOf(truncated, true)).doesNotStartWith("ok:").isEqualTo(outcomeOf(truncated, false));
        assertThat(outcomeOf(new byte[0], true)).isEqualTo(outcomeOf(new byte[0], false));
    }

    @Property(tries = 400)
    void mutatedCertificates_parseOrFailExactlyAsBouncyCastle(
            @ForAll @IntRange(min = 0, max = 4000) int position,
            @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 8) int cut) {
        byte[] data = Arrays.copyOf(CERT, Math.max(0, CERT.length - cut));
        if (data.length > 0) {
            data[position % data.length] = value;
        }
        String ours = outcomeOf(data, true);
        Statistics.collect(ours.startsWith("ok:") ? "parsed" : "refused");
        Statistics.coverage(c -> c.check("refused").count(n -> n > 0));
        assertThat(ours).isEqualTo(outcomeOf(data, false));
    }

    @Property(tries = 300)
    void arbitraryBytes_parseOrFailExactlyAsBouncyCastle(@ForAll byte[] data) {
        String ours = outcomeOf(data, true);
        Statistics.label("outcome").collect(ours.startsWith("ok:") ? "parsed" : "refused");
        Statistics.label("length").collect(data.length <= 16 ? "up to 16" : "longer");
        Statistics.label("outcome").coverage(c -> {
            c.check("refused").count(n -> n > 0);
        });
        Statistics.label("length").coverage(c -> {
            c.check("up to 16").count(n -> n > 0);
            c.check("longer").count(n -> n > 0);
        });
        assertThat(ours).isEqualTo(outcomeOf(data, false));
    }
}
