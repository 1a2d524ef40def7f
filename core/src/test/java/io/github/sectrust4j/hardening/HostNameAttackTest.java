package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference host names an attacker (or a careless caller) can pass: empty, whitespace, NUL-truncation
 * tricks, a bare trailing-dot root, IP forms, a suffix of the certificate's name. None may match a
 * certificate for {@code example.com} (§3.3: an empty reference never matches; no normalization of R).
 */
class HostNameAttackTest {
    private static final HeldCertificate ROOT;
    private static final HeldCertificate LEAF;

    static {
        TestPki pki = TestPki.seeded(111);
        ROOT = pki.root("Host Attack Root").build();
        LEAF = pki.leaf("example.com", ROOT)
                .dnsNames("example.com", "*.example.org")
                .validForDays(90)
                .build();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                ".",
                "..",
                "example.com ",
                " example.com",
                "example.com\u0000",
                "example.com\u0000.evil.test",
                "evil.test\u0000example.com",
                "example.com..",
                ".example.com.",
                "com",
                "xample.com",
                "example.co",
                "EXAMPLE.COM.evil.test",
                "a.b.example.org",
                "example.org",
                "*",
                "127.0.0.1",
                "::1",
                "exa\u200Bmple.com",
                "examp\u0131e.com"
            })
    void referenceHostThatIsNotTheCertificatesName_isAHostNameMismatch(String host) {
        TrustReport r = SecTrust.ios("17.4")
                .forServer(host)
                .at(TestPki.DEFAULT_NOW)
                .withAnchors(certs(ROOT))
                .evaluate(certs(LEAF));

        assertThat(r.trusted())
                .as("host '" + host.replace("\u0000", "\\0") + "'\n" + r.explain())
                .isFalse();
        assertThat(r.has(FindingCode.SSL_HOSTNAME)).as(r.explain()).isTrue();
    }

    /** §3.3: the reference is not validated — a presented "*" label matches any reference label, even "*". */
    @ParameterizedTest
    @ValueSource(strings = {"example.com", "EXAMPLE.com", "example.com.", "www.example.org", "*.example.org"})
    void referenceHostThatIsTheCertificatesName_matches(String host) {
        TrustReport r = SecTrust.ios("17.4")
                .forServer(host)
                .at(TestPki.DEFAULT_NOW)
                .withAnchors(certs(ROOT))
                .evaluate(certs(LEAF));

        assertThat(r.trusted()).as(host + "\n" + r.explain()).isTrue();
    }
}
