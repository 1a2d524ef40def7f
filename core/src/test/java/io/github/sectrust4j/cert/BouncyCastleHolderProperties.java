package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.CertificateInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The Bouncy Castle holder a parsed certificate keeps (built from the parts parsed once) is exactly
 * what {@code new X509CertificateHolder(der)} gives: equal structure and encoding, or the same failure.
 */
class BouncyCastleHolderProperties {

    @Provide
    Arbitrary<byte[]> seed() {
        return Arbitraries.of(CertificateRobustnessProperties.SEEDS);
    }

    @Property(tries = 40)
    void realCertificates_holderEqualsTheOneParsedFromDer(@ForAll("seed") byte[] der) throws Exception {
        Statistics.label("distinct roots").collect(der.length % 4); // several different roots, not one repeated
        Statistics.label("distinct roots").coverage(c -> {
            c.check(0).count(n -> n > 0);
            c.check(1).count(n -> n > 0);
            c.check(2).count(n -> n > 0);
            c.check(3).count(n -> n > 0);
        });
        assertSameAsParsedFromDer(Certificate.parse(der));
    }

    @Property(tries = 600)
    void mutatedCertificatesThatParse_holderEqualsTheOneParsedFromDer(
            @ForAll("seed") byte[] seed,
            @ForAll @IntRange(min = 0, max = 100_000) int pos,
            @ForAll @IntRange(min = 1, max = 255) int xor,
            @ForAll @IntRange(min = 1, max = 3) int count)
            throws Exception {
        Statistics.coverage(c -> {
            c.check("parsed").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        byte[] d = seed.clone();
        for (int i = 0; i < count; i++) {
            d[(pos + i * 7919) % d.length] ^= (byte) xor;
        }
        Certificate c;
        try {
            c = Certificate.parse(d);
        } catch (CertificateInputException notACertificate) {
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("parsed");
        assertSameAsParsedFromDer(c);
    }

    private static void assertSameAsParsedFromDer(Certificate c) throws Exception {
        X509CertificateHolder fromDer;
        try {
            fromDer = new X509CertificateHolder(c.der());
        } catch (Exception e) {
            assertThatThrownBy(c::bouncyCastleHolder).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return;
        }
        X509CertificateHolder kept = c.bouncyCastleHolder();
        assertThat(kept).isEqualTo(fromDer);
        assertThat(kept.toASN1Structure()).isEqualTo(fromDer.toASN1Structure());
        assertThat(kept.getEncoded()).isEqualTo(fromDer.getEncoded());
        if (!java.util.Arrays.equals(fromDer.getEncoded(), c.der())) {
            // BER inside the DER that Bouncy Castle re-encodes (a mutation made e.g. the NULL parameters an
            // empty constructed OCTET STRING, 24 00 -> 04 00): both holders agree; c.der() stays the input's bytes
            return;
        }
        assertThat(kept.getEncoded()).isEqualTo(c.der());
        assertThat(kept.getSerialNumber()).isEqualTo(fromDer.getSerialNumber());
        assertThat(kept.getExtensions()).isEqualTo(fromDer.getExtensions());
    }
}
