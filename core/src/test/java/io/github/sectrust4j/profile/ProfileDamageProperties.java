package io.github.sectrust4j.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.profile.MobileConfig;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random damage to XML, binary and signed profiles (truncation, flipped bytes, inserted bytes): the reader either
 * reads a profile or refuses it with a {@link ConfigurationProfileException} — never another exception — and a
 * signature that still verifies means the certificates are exactly the original ones.
 */
class ProfileDamageProperties {
    private static final TestPki PKI = TestPki.seeded(9901);
    private static final HeldCertificate ROOT = PKI.root("Contoso Root CA").build();
    private static final HeldCertificate CA =
            PKI.intermediate("Contoso Issuing CA 1", ROOT).build();
    private static final byte[] XML = MobileConfig.builder("com.contoso.roots")
            .displayName("Contoso roots")
            .rootPayload(ROOT)
            .pkcs1Payload(CA)
            .build();
    private static final List<byte[]> FORMS = List.of(
            XML,
            Profiles.binary(XML),
            MobileConfig.builder("com.contoso.roots")
                    .rootPayload(ROOT)
                    .pkcs1Payload(CA)
                    .signed(CA, PKI.now()));
    private static final List<String> FORM_NAMES = List.of("xml", "binary", "signed");
    private static final List<Certificate> ORIGINAL =
            List.of(Certificate.parse(ROOT.der()), Certificate.parse(CA.der()));

    enum Damage {
        TRUNCATE,
        FLIP,
        INSERT
    }

    record Case(int form, Damage damage, int position, int value) {}

    @Provide
    Arbitrary<Case> damaged() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, FORMS.size() - 1),
                        Arbitraries.of(Damage.class),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 255))
                .as((form, damage, at, value) ->
                        new Case(form, damage, (int) (at * (FORMS.get(form).length - 1)), value));
    }

    /**
     * Found by the property in CI: one flipped byte in a signer's identifier made Bouncy Castle's lazily parsed
     * SignerInfos throw an ArrayIndexOutOfBoundsException from {@code getSignerInfos()}, which escaped the reader.
     */
    @Example
    void aDamagedSignerIdentifier_isRefused() {
        byte[] bytes = apply(FORMS.get(2), new Case(2, Damage.FLIP, 3291, 19));
        assertThatThrownBy(() -> ConfigurationProfile.read(bytes))
                .isInstanceOf(ConfigurationProfileException.class)
                .hasMessageContaining("damaged CMS");
    }

    @Property(tries = 600)
    void damagedProfile_isReadOrRefused_neverAnotherFailure(@ForAll("damaged") Case c) {
        byte[] bytes = apply(FORMS.get(c.form()), c);
        String outcome;
        try {
            ConfigurationProfile p = ConfigurationProfile.read(bytes);
            outcome = "read";
            if (p.signature().map(ProfileSignature::verifies).orElse(false)) {
                outcome = "read, signature verifies";
                List<Cert> installed = p.certificatePayloads().stream()
                        .map(CertificatePayload::certificate)
                        .toList();
                assertThat(installed).isEqualTo(ORIGINAL);
            } else if (p.signature().isPresent()) {
                outcome = "read, signature fails";
            }
        } catch (ConfigurationProfileException e) {
            assertThat(e.getMessage()).isNotBlank();
            outcome = "refused";
        }
        Statistics.label("form").collect(FORM_NAMES.get(c.form()));
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(k -> {
            k.check("refused").percentage(p -> p > 20);
            k.check("read").count(n -> n > 0);
            k.check("read, signature fails").count(n -> n > 0);
        });
    }

    static byte[] apply(byte[] original, Case c) {
        return switch (c.damage()) {
            case TRUNCATE -> Arrays.copyOf(original, c.position());
            case FLIP -> {
                byte[] b = original.clone();
                b[c.position()] ^= (byte) c.value();
                yield b;
            }
            case INSERT -> {
                byte[] b = new byte[original.length + 1];
                System.arraycopy(original, 0, b, 0, c.position());
                b[c.position()] = (byte) c.value();
                System.arraycopy(original, c.position(), b, c.position() + 1, original.length - c.position());
                yield b;
            }
        };
    }
}
