package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.ct.Sct;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Exact v1 SCT parsing (§8.2 item 1, RFC 6962 §3.2). */
class SignedCertificateTimestampTest {
    static final TestCtLog LOG = CtTestLogs.log("Op", "Parse log");
    /** A hand-assembled v1 SCT with extensions {7, 7}; the parser does not look at the signature. */
    static final byte[] VALID = sctBytes(LOG.logId(), 1_700_000_000_123L, new byte[] {7, 7}, new byte[71]);

    static byte[] sctBytes(byte[] logId, long timestamp, byte[] extensions, byte[] signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(logId);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (timestamp >>> shift) & 0xff);
        }
        out.write(extensions.length >>> 8);
        out.write(extensions.length & 0xff);
        out.writeBytes(extensions);
        out.write(SignedCertificateTimestamp.HASH_SHA256);
        out.write(SignedCertificateTimestamp.SIGNATURE_ECDSA);
        out.write(signature.length >>> 8);
        out.write(signature.length & 0xff);
        out.writeBytes(signature);
        return out.toByteArray();
    }

    @Test
    void wellFormedSct_exposesEveryField() {
        SignedCertificateTimestamp sct =
                SignedCertificateTimestamp.parse(VALID).value().orElseThrow();

        assertThat(sct.version()).isZero();
        assertThat(sct.logId()).isEqualTo(CtTestLogs.id(LOG));
        assertThat(sct.timestampMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(sct.timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(sct.timestampSeconds()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(sct.extensions()).containsExactly(7, 7);
        assertThat(sct.hashAlgorithm()).isEqualTo(SignedCertificateTimestamp.HASH_SHA256);
        assertThat(sct.signatureAlgorithm()).isEqualTo(SignedCertificateTimestamp.SIGNATURE_ECDSA);
        assertThat(sct.algorithmName()).isEqualTo("ECDSA-SHA256");
        assertThat(sct.encoded()).isEqualTo(VALID);
    }

    @Test
    void fixtureSct_roundTrips() {
        HeldCertificate root = CtTestLogs.PKI.root("Parse Root").build();
        Sct fixture = LOG.sctFor(
                CtTestLogs.PKI.leaf("parse.example", root).build(), Instant.parse("2025-01-02T03:04:05.678Z"));

        SignedCertificateTimestamp sct =
                SignedCertificateTimestamp.parse(fixture.encoded()).value().orElseThrow();

        assertThat(sct.timestamp()).isEqualTo(fixture.timestamp());
        assertThat(sct.signature()).isEqualTo(fixture.signature());
        assertThat(sct.extensions()).isEmpty();
        assertThat(sct.encoded()).isEqualTo(fixture.encoded());
    }

    @Test
    void versionOtherThanV1_isMalformed() {
        byte[] v2 = VALID.clone();
        v2[0] = 1;

        assertThat(SignedCertificateTimestamp.parse(v2).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not v1"));
    }

    @Test
    void trailingByte_isMalformed() {
        byte[] longer = Arrays.copyOf(VALID, VALID.length + 1);

        assertThat(SignedCertificateTimestamp.parse(longer).isOk()).isFalse();
    }

    @Test
    void signatureLengthBeyondData_isMalformed() {
        assertThat(SignedCertificateTimestamp.parse(Arrays.copyOf(VALID, VALID.length - 1))
                        .isOk())
                .isFalse();
    }

    @Test
    void shorterThanFixedPart_isMalformed() {
        assertThat(SignedCertificateTimestamp.parse(new byte[42]).error())
                .hasValueSatisfying(e -> assertThat(e).contains("shorter"));
        assertThat(SignedCertificateTimestamp.parse(null).isOk()).isFalse();
    }

    @Test
    void extensionsLengthOverrunningTheSct_isMalformed() {
        byte[] b = VALID.clone();
        b[41] = (byte) 0xff;

        assertThat(SignedCertificateTimestamp.parse(b).isOk()).isFalse();
    }

    @Test
    void timestampWithHighBitSet_staysUnsigned() {
        byte[] b = VALID.clone();
        b[33] = (byte) 0x80;

        SignedCertificateTimestamp sct =
                SignedCertificateTimestamp.parse(b).value().orElseThrow();

        assertThat(sct.timestamp()).isAfter(Instant.parse("9999-12-31T00:00:00Z"));
    }

    @Property(tries = 500)
    void randomBytes_neverThrow(@ForAll @Size(max = 300) byte[] bytes) {
        Parsed<SignedCertificateTimestamp> p = SignedCertificateTimestamp.parse(bytes);
        Statistics.collect(p.isOk() ? "parsed" : "malformed");
        Statistics.coverage(c -> {
            c.check("malformed").count(n -> n > 0);
        });
        Statistics.label("length").collect(bytes.length <= 47 ? "shorter than an SCT" : "SCT-sized or longer");
        Statistics.label("length").coverage(c -> {
            c.check("shorter than an SCT").count(n -> n > 0);
            c.check("SCT-sized or longer").count(n -> n > 0);
        });
        assertThat(p.isOk() || p.error().isPresent()).isTrue();
    }

    @Property(tries = 300)
    void everyTruncationOrExtension_isMalformed(
            @ForAll @IntRange(min = 0, max = 200) int cut, @ForAll @IntRange(min = 1, max = 5) int extra) {
        Statistics.collect(cut == 0 ? "empty" : cut < VALID.length ? "truncated" : "cut past the end");
        Statistics.coverage(c -> {
            c.check("empty").count(n -> n > 0);
            c.check("truncated").count(n -> n > 0);
        });
        int len = Math.min(cut, VALID.length - 1);
        assertThat(SignedCertificateTimestamp.parse(Arrays.copyOf(VALID, len)).isOk())
                .isFalse();
        assertThat(SignedCertificateTimestamp.parse(Arrays.copyOf(VALID, VALID.length + extra))
                        .isOk())
                .isFalse();
    }

    @Property(tries = 300)
    void mutatedSct_neverThrows_andParsesOnlyIfFramingStillExact(@ForAll("positions") int pos, @ForAll byte value) {
        byte[] b = VALID.clone();
        b[pos] = value;
        Parsed<SignedCertificateTimestamp> p = SignedCertificateTimestamp.parse(b);
        boolean framingTouched = pos == 0 || pos == 41 || pos == 42 || pos == 43 + 2 + 2 || pos == 43 + 2 + 3;
        Statistics.collect(framingTouched && b[pos] != VALID[pos] ? "framing changed" : "content changed");
        Statistics.coverage(c -> {
            c.check("framing changed").count(n -> n > 0);
            c.check("content changed").count(n -> n > 0);
        });
        if (!framingTouched || b[pos] == VALID[pos]) {
            assertThat(p.isOk()).isTrue();
        } else {
            assertThat(p.isOk()).isFalse();
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, VALID.length - 1);
    }
}
