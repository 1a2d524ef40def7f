package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/**
 * A server sends a leaf claiming DSA and a dozen namesake "issuers" with crafted 32,768-bit DSA domain
 * parameters: each candidate signature check used to cost seconds (a 16,384-bit key measured ~1.4 s),
 * so the 1,000-check budget did not bound the time. Oversized DSA keys verify nothing, and the
 * evaluation ends at once in a not-trusted verdict. (The timeout is a hang guard, not a speed target.)
 */
class OversizedDsaKeyTest {

    @Test
    void namesakeIssuersWithHugeDsaKeys_endInANotTrustedVerdict_withoutUnboundedWork() throws Exception {
        Random rnd = new Random(5);
        int bits = 32_768;
        List<Certificate> chain = new ArrayList<>();
        ASN1EncodableVector rs = new ASN1EncodableVector();
        rs.add(new ASN1Integer(new BigInteger(bits - 20, rnd)));
        rs.add(new ASN1Integer(new BigInteger(bits - 20, rnd)));
        chain.add(Certificate.parse(Crafted.certWithAlgorithm(
                "example.com",
                "Evil DSA CA",
                new AlgorithmIdentifier(NISTObjectIdentifiers.dsa_with_sha256),
                new DERSequence(rs).getEncoded())));
        for (int i = 0; i < 12; i++) {
            BigInteger p = new BigInteger(bits, rnd).setBit(bits - 1).setBit(0);
            BigInteger q = new BigInteger(bits - 8, rnd).setBit(bits - 9).setBit(0);
            SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(
                            X9ObjectIdentifiers.id_dsa, new DSAParameter(p, q, new BigInteger(bits - 16, rnd))),
                    new ASN1Integer(new BigInteger(bits - 16, rnd)));
            chain.add(Certificate.parse(Crafted.cert("Evil DSA CA", "Evil DSA CA", spki, new byte[8])));
        }

        TrustReport report = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> SecTrust.ios("17.4")
                        .forServer("example.com")
                        .at(TestPki.DEFAULT_NOW)
                        .evaluate(chain));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.MISSING_INTERMEDIATE) || report.has(FindingCode.ANCHOR_TRUSTED))
                .as(report.explain())
                .isTrue();
    }
}
