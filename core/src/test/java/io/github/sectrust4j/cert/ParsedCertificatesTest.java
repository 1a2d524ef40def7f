package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedCertificatesTest {
    private static final TestPki PKI = TestPki.seeded(1414);
    private static final HeldCertificate ROOT = PKI.root("Parsed Root").build();
    private static final HeldCertificate CA =
            PKI.intermediate("Parsed CA", ROOT).build();

    @Test
    void aBodyParsedOnceIsTheSameCertificateNextTime() {
        ParsedCertificates parsed = ParsedCertificates.ofSize(1 << 20);
        Certificate first = CertificateInput.fromPem(CA.pem(), parsed).get(0);
        Certificate again = CertificateInput.fromPem(CA.pem(), parsed).get(0);
        Certificate uncached = CertificateInput.fromPem(CA.pem()).get(0);

        assertThat(again).isSameAs(first);
        assertThat(uncached).isNotSameAs(first).isEqualTo(first);
        assertThat(parsed.size()).isEqualTo(1);
    }

    @Test
    void aServerChainTakesItsCertificatesFromTheCacheInOrder() {
        HeldCertificate leaf = PKI.leaf("cached.example.com", CA).build();
        ParsedCertificates parsed = ParsedCertificates.ofSize(1 << 20);
        Certificate ca = CertificateInput.fromPem(CA.pem(), parsed).get(0);

        List<ServerChain.Unparseable> refused = new ArrayList<>();
        List<Certificate> chain = CertificateInput.serverChainPem(leaf.pem() + CA.pem(), 0, refused, parsed);

        assertThat(chain).extracting(Certificate::der).containsExactly(leaf.der(), CA.der());
        assertThat(chain.get(1)).isSameAs(ca);
        assertThat(refused).isEmpty();
        assertThat(parsed.size()).isEqualTo(2);
    }

    @Test
    void aBrokenBodyIsNeverKeptAndFailsAlikeEveryTime() {
        ParsedCertificates parsed = ParsedCertificates.ofSize(1 << 20);
        String broken = "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> CertificateInput.fromPem(broken, parsed))
                    .isInstanceOf(CertificateInputException.class)
                    .hasMessageContaining("is not a certificate");
        }
        assertThat(parsed.size()).isZero();

        // after the leaf, an unparseable block is a verdict each time, not a cached certificate
        List<ServerChain.Unparseable> refused = new ArrayList<>();
        CertificateInput.serverChainPem(
                CA.pem() + "-----BEGIN CERTIFICATE-----\nMAgwADAAAwIAAA==\n-----END CERTIFICATE-----\n",
                0,
                refused,
                parsed);
        assertThat(refused).extracting(ServerChain.Unparseable::position).containsExactly(1);
        assertThat(parsed.size()).isEqualTo(1);
    }

    @Test
    void twoBodiesOfEqualSampledHash_thatDiffer_neverShareAParse() {
        String pem = CA.pem();
        int from = pem.indexOf('\n') + 1;
        int to = pem.indexOf("-----END");
        String twin = sameSlotTwin(pem);
        assertThat(ParsedCertificates.sampledHash(twin, from, to))
                .isEqualTo(ParsedCertificates.sampledHash(pem, from, to));

        ParsedCertificates parsed = ParsedCertificates.ofSize(1 << 20);
        Certificate first = CertificateInput.fromPem(pem, parsed).get(0);
        Certificate second = CertificateInput.fromPem(twin, parsed).get(0);
        assertThat(second).isNotSameAs(first);
        // each looked up once more: both kept (the twin took the first's probation slot before)
        first = CertificateInput.fromPem(pem, parsed).get(0);
        assertThat(CertificateInput.fromPem(pem, parsed).get(0)).isSameAs(first);
        second = CertificateInput.fromPem(twin, parsed).get(0);
        assertThat(CertificateInput.fromPem(twin, parsed).get(0)).isSameAs(second);

        assertThat(second).isNotSameAs(first);
        assertThat(second.der())
                .isNotEqualTo(first.der())
                .isEqualTo(CertificateInput.fromPem(twin).get(0).der());
        assertThat(CertificateInput.fromPem(pem, parsed).get(0)).isSameAs(first);
        assertThat(CertificateInput.fromPem(twin, parsed).get(0)).isSameAs(second);
        assertThat(parsed.size()).isEqualTo(2);
    }

    @Test
    void aCertificateParsedOnce_joinsTheCacheOnlyWhenLookedUpAgain() {
        String pem = CA.pem();
        String twin = sameSlotTwin(pem); // the same probation slot: it displaces the one waiting there

        ParsedCertificates seenOnce = ParsedCertificates.ofSize(1 << 20);
        Certificate once = CertificateInput.fromPem(pem, seenOnce).get(0);
        CertificateInput.fromPem(twin, seenOnce);
        assertThat(CertificateInput.fromPem(pem, seenOnce).get(0))
                .as("displaced before a second look-up: parsed again")
                .isNotSameAs(once)
                .isEqualTo(once);

        ParsedCertificates seenTwice = ParsedCertificates.ofSize(1 << 20);
        Certificate twice = CertificateInput.fromPem(pem, seenTwice).get(0);
        assertThat(CertificateInput.fromPem(pem, seenTwice).get(0)).isSameAs(twice);
        CertificateInput.fromPem(twin, seenTwice);
        assertThat(CertificateInput.fromPem(pem, seenTwice).get(0))
                .as("looked up again: kept in the cache")
                .isSameAs(twice);
    }

    @Test
    void aKeptBodyHoldsNoLongTextAroundIt() {
        String pem = CA.pem();
        // room for a dozen bodies (three per segment): a key holding 100,000 characters around its body would not fit
        ParsedCertificates parsed = ParsedCertificates.ofSize(10L * pem.length() * 12);
        String commented = "# " + "c".repeat(100_000) + "\n" + pem;
        Certificate first = CertificateInput.fromPem(commented, parsed).get(0);

        assertThat(parsed.size()).isEqualTo(1);
        assertThat(CertificateInput.fromPem(pem, parsed).get(0)).isSameAs(first);
    }

    @Test
    void theCacheIsBoundedByWeight() {
        String body = CA.pem();
        // room for about ten bodies (weight: 10 bytes per character)
        ParsedCertificates parsed = ParsedCertificates.ofSize(10L * body.length() * 10);
        for (int i = 0; i < 40; i++) {
            CertificateInput.fromPem(
                    PKI.leaf("host" + i + ".example.com", CA).build().pem(), parsed);
        }
        assertThat(parsed.size()).isBetween(1L, 10L);
    }

    /** The PEM with one signature character the sampled hash skips changed: another certificate, the same hash. */
    private static String sameSlotTwin(String pem) {
        int from = pem.indexOf('\n') + 1;
        int to = pem.indexOf("-----END");
        int step = Math.max(1, (to - from) / ParsedCertificates.HASH_SAMPLES);
        int at = to - 40;
        while ((at - from) % step == 0 || !Character.isLetter(pem.charAt(at))) {
            at--;
        }
        char other = pem.charAt(at) == 'A' ? 'B' : 'A';
        return pem.substring(0, at) + other + pem.substring(at + 1);
    }
}
