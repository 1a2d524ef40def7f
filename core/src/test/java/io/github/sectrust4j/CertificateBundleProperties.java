package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Damaged containers (bytes flipped, cut short, grown) give a certificate list or a
 * {@link CertificateInputException}: never another exception, a hang or an error.
 */
class CertificateBundleProperties {
    private static final char[] PASSWORD = "pw".toCharArray();
    private static List<byte[]> originals;

    @BeforeContainer
    static void mint() throws Exception {
        TestChain chain = TestPki.seeded(99).chain("sip.contoso.com");
        byte[] p7b = Containers.pkcs7(chain.leaf(), chain.intermediate(), chain.root());
        originals = List.of(
                p7b,
                Containers.pem("PKCS7", p7b).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Containers.keyStore("PKCS12", PASSWORD, chain, null),
                Containers.keyStore("JKS", PASSWORD, chain, null));
    }

    record Damage(int container, int position, int kind, byte value) {}

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.bytes())
                .as(Damage::new);
    }

    @Property(tries = 400)
    void damagedContainers_giveCertificatesOrAnInputError(@ForAll("damage") Damage d) {
        byte[] original = originals.get(d.container());
        int at = d.position() % original.length;
        byte[] bytes = switch (d.kind()) {
            case 0 -> { // flip one byte
                byte[] b = original.clone();
                b[at] ^= (byte) (d.value() == 0 ? 1 : d.value());
                yield b;
            }
            case 1 -> Arrays.copyOf(original, at); // cut short
            default -> { // a byte inserted
                byte[] b = new byte[original.length + 1];
                System.arraycopy(original, 0, b, 0, at);
                b[at] = d.value();
                System.arraycopy(original, at, b, at + 1, original.length - at);
                yield b;
            }
        };
        String outcome;
        try {
            CertificateBundle bundle = CertificateBundle.read(bytes, PASSWORD);
            assertThat(bundle.certificates()).isNotEmpty();
            outcome = "read";
        } catch (CertificateInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            outcome = "input error";
        }
        Statistics.label("container").collect(d.container());
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(c -> {
            c.check("read").count(n -> n > 0);
            c.check("input error").count(n -> n > 0);
        });
        Statistics.label("container").coverage(c -> {
            for (int i = 0; i < 4; i++) {
                c.check(i).count(n -> n > 40);
            }
        });
    }
}
