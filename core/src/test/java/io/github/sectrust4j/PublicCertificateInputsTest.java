package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every certificate-taking method of {@link SecTrust} accepts the public {@link Cert} type, JDK certificates,
 * PEM text and DER bytes (issue 12 §2: no caller imports an implementation package), with the same result.
 */
class PublicCertificateInputsTest {
    private static final String HOST = "intranet.contoso.com";
    private static TestChain chain;
    private static Instant now;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(12_02);
        now = pki.now();
        chain = pki.chain(HOST);
    }

    private static SecTrust device() {
        return SecTrust.ios("17.4")
                .forServer(HOST)
                .at(now)
                .withMdmRoot(Cert.fromDer(chain.root().der()));
    }

    @Test
    void cert_factoriesReadPemDerAndJdkCertificates_alike() {
        Cert fromDer = Cert.fromDer(chain.leaf().der());
        Cert fromJdk = Cert.of(chain.leaf().certificate());
        List<Cert> fromPem = Cert.fromPem(chain.pem());
        List<Cert> parsedDer = Cert.parse(chain.leaf().der());

        assertThat(fromJdk).isEqualTo(fromDer);
        assertThat(fromPem).hasSize(2).first().isEqualTo(fromDer);
        assertThat(parsedDer).containsExactly(fromDer);
        assertThat(fromDer.der()).isEqualTo(chain.leaf().der());
        assertThat(fromDer.subjectName()).contains("CN=" + HOST);
        assertThat(fromDer.notBefore()).isBefore(now);
        assertThat(fromDer.notAfter()).isAfter(now);
        assertThat(fromDer.toX509()).isEqualTo(chain.leaf().certificate());
        assertThat(Cert.of(
                        List.of(chain.leaf().certificate(), chain.intermediate().certificate())))
                .containsExactlyElementsOf(fromPem);
    }

    @Test
    void evaluate_acceptsEveryForm_withTheSameVerdict() {
        X509Certificate[] jdk = {
            chain.leaf().certificate(), chain.intermediate().certificate()
        };
        List<Cert> certs = Cert.fromPem(chain.pem());
        List<TrustReport> reports = List.of(
                device().evaluate(chain.pem()),
                device().evaluate(certs),
                device().evaluate(certs.toArray(Cert[]::new)),
                device().evaluate(jdk));

        assertThat(reports).allSatisfy(r -> {
            assertThat(r.trusted()).as(r.explain()).isTrue();
            assertThat(r.toJson()).isEqualTo(reports.get(0).toJson());
        });
    }

    @Test
    void withIntermediates_everyForm_suppliesTheIntermediateTheServerDidNotSend() {
        String leafOnly = chain.leaf().pem();
        assertThat(device().evaluate(leafOnly).has(FindingCode.MISSING_INTERMEDIATE))
                .isTrue();

        List<Function<SecTrust, SecTrust>> forms = List.of(
                t -> t.withIntermediates(Cert.fromPem(chain.intermediate().pem())),
                t -> t.withIntermediates(Cert.fromDer(chain.intermediate().der())),
                t -> t.withIntermediates(chain.intermediate().certificate()),
                t -> t.withIntermediates(chain.intermediate().pem()),
                t -> t.withIntermediates(chain.intermediate().der()));
        for (Function<SecTrust, SecTrust> form : forms) {
            TrustReport r = form.apply(device()).evaluate(leafOnly);
            assertThat(r.trusted()).as(r.explain()).isTrue();
            assertThat(r.path()).hasSize(3);
            assertThat(r.path().get(1).presented()).isFalse();
        }
    }

    @Test
    void withExtraSystemRoots_everyForm_anchorsAsASystemRoot() {
        SecTrust plain = SecTrust.ios("17.4").forServer(HOST).at(now);
        assertThat(plain.evaluate(chain.pem()).trusted()).isFalse();

        List<Function<SecTrust, SecTrust>> forms = List.of(
                t -> t.withExtraSystemRoots(Cert.fromPem(chain.root().pem())),
                t -> t.withExtraSystemRoots(Cert.fromDer(chain.root().der())),
                t -> t.withExtraSystemRoots(chain.root().certificate()),
                t -> t.withExtraSystemRoots(chain.root().pem()),
                t -> t.withExtraSystemRoots(chain.root().der()));
        for (Function<SecTrust, SecTrust> form : forms) {
            TrustReport r = form.apply(plain).evaluate(chain.pem());
            assertThat(r.path())
                    .last()
                    .satisfies(root -> assertThat(root.anchorSource()).contains(AnchorSource.SYSTEM));
        }
    }

    @Test
    void anchorsAndUserRoots_acceptCertAndDer() {
        SecTrust plain = SecTrust.ios("17.4").forServer(HOST).at(now);
        List<SecTrust> configured = List.of(
                plain.withAnchors(Cert.fromDer(chain.root().der())),
                plain.withAnchors(chain.root().der()),
                plain.withMdmRoot(chain.root().der()),
                plain.withProfileRoot(Cert.fromDer(chain.root().der()), FullTrust.ON),
                plain.withProfileRoot(chain.root().der(), FullTrust.ON),
                plain.withUserRoot(new UserRoot(
                        Cert.of(chain.root().certificate()), InstallChannel.MDM, FullTrust.ON, Optional.empty())));
        for (SecTrust t : configured) {
            TrustReport r = t.evaluate(chain.pem());
            assertThat(r.trusted()).as(r.explain()).isTrue();
        }
        assertThat(plain.withProfileRoot(chain.root().der(), FullTrust.OFF)
                        .evaluate(chain.pem())
                        .trusted())
                .isFalse();
    }

    @Test
    void copyExceptions_acceptsEveryForm_alike() {
        SecTrust unanchored = SecTrust.ios("17.4").forServer(HOST).at(now);
        X509Certificate[] jdk = {
            chain.leaf().certificate(),
            chain.intermediate().certificate(),
            chain.root().certificate()
        };
        String pem = chain.pem() + chain.root().pem();
        TrustExceptions expected = unanchored.copyExceptions(Cert.fromPem(pem));

        assertThat(expected.entries()).isNotEmpty();
        assertThat(unanchored.copyExceptions(pem).toPlist()).isEqualTo(expected.toPlist());
        assertThat(unanchored
                        .copyExceptions(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toPlist())
                .isEqualTo(expected.toPlist());
        assertThat(unanchored.copyExceptions(jdk).toPlist()).isEqualTo(expected.toPlist());
        assertThat(TrustExceptions.Entry.of(Cert.fromDer(chain.leaf().der()), Set.of()))
                .isEqualTo(expected.entries().get(0));
    }

    @Test
    void aForeignCertImplementation_isReadFromItsDer_andAMalformedOneIsAnInputError() {
        Cert leaf = Cert.fromDer(chain.leaf().der());
        Cert foreign = new Cert() {
            @Override
            public byte[] der() {
                return leaf.der();
            }

            @Override
            public String sha256Hex() {
                return leaf.sha256Hex();
            }

            @Override
            public String subjectName() {
                return leaf.subjectName();
            }

            @Override
            public Instant notBefore() {
                return leaf.notBefore();
            }

            @Override
            public Instant notAfter() {
                return leaf.notAfter();
            }
        };
        Cert broken = new Cert() {
            @Override
            public byte[] der() {
                return new byte[] {0x30, 0x03, 0x02, 0x01};
            }

            @Override
            public String sha256Hex() {
                return "";
            }

            @Override
            public String subjectName() {
                return "";
            }

            @Override
            public Instant notBefore() {
                return Instant.EPOCH;
            }

            @Override
            public Instant notAfter() {
                return Instant.EPOCH;
            }
        };
        SecTrust t =
                device().withIntermediates(Cert.fromDer(chain.intermediate().der()));

        assertThat(t.evaluate(foreign).toJson()).isEqualTo(t.evaluate(leaf).toJson());
        assertThatThrownBy(() -> t.evaluate(leaf, broken))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageStartingWith("chain[1]");
        assertThatThrownBy(() -> t.withIntermediates(java.util.Arrays.asList(leaf, null)))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("chain[1]");
    }
}
