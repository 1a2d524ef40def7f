package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Apple's ssl-policy test descriptions (spec §3.5, 37 vectors) end to end through the public API: an
 * app-anchored root, a leaf issued before 2019-07-01 (as Apple's test certificates were, so the
 * date-gated EKU and lifetime rules stay out of the way), the reference host name of the vector. The
 * current expectation (iOS 26) is the table's; on iOS 12 vectors 3 and 29 — host only in the Common
 * Name — succeed through the CN fallback (§3.6).
 */
class AppleSslPolicyVectorsTest {
    private static final String EMAIL_PROTECTION = CertificateBuilder.EKU_EMAIL_PROTECTION;
    private static TestPki pki;
    private static HeldCertificate root;
    private static Certificate anchor;

    /** One row of §3.5: the reference host, how the leaf presents itself, and iOS 13+'s verdict. */
    record Vector(
            int number, String host, UnaryOperator<CertificateBuilder> leaf, boolean succeeds, FindingCode failure) {
        boolean succeedsOn(String release) {
            return succeeds || (release.equals("12.0") && (number == 3 || number == 29));
        }
    }

    private static Vector ok(int n, String host, UnaryOperator<CertificateBuilder> leaf) {
        return new Vector(n, host, leaf, true, null);
    }

    private static Vector fails(int n, String host, UnaryOperator<CertificateBuilder> leaf) {
        return new Vector(n, host, leaf, false, FindingCode.SSL_HOSTNAME);
    }

    private static UnaryOperator<CertificateBuilder> san(String... names) {
        return b -> b.commonName("ssl-policy vector").dnsNames(names);
    }

    private static UnaryOperator<CertificateBuilder> sanAndCn(String san, String cn) {
        return b -> b.commonName(cn).dnsNames(san);
    }

    private static UnaryOperator<CertificateBuilder> cnOnly(String cn) {
        return b -> b.commonName(cn).noSubjectAltName();
    }

    static final List<Vector> VECTORS = List.of(
            fails(1, "test.apple.com", sanAndCn("bad.apple.com", "bad.apple.com")),
            fails(2, "test.apple.com", sanAndCn("bad.apple.com", "test.apple.com")),
            fails(3, "test.apple.com", cnOnly("test.apple.com")),
            ok(4, "test.apple.com", sanAndCn("test.apple.com", "bad.apple.com")),
            fails(5, "test.bad.apple.com", san("test.*.apple.com")),
            fails(6, "test.apple.com", san("test.*.apple.com")),
            ok(7, "good.test.apple.com", san("*.test.apple.com")),
            fails(8, "test.apple.com", san("*.test.apple.com")),
            fails(9, "one.bad.test.apple.com", san("*.test.apple.com")),
            fails(10, "apple.com", san("*.com")),
            fails(11, "apple.co.uk", san("*.co.uk")),
            fails(12, "test.apple.com", san("t*t.apple.com")),
            fails(13, "apple.com", san("apple*.com")),
            fails(14, "appleseed.com", san("apple*.com")),
            fails(15, "one.bad.apple.com", san("*.*.apple.com")),
            new Vector(
                    16,
                    "test.apple.com",
                    b -> san("test.apple.com").apply(b).extendedKeyUsage(EMAIL_PROTECTION),
                    false,
                    FindingCode.EXTENDED_KEY_USAGE),
            ok(17, "test.apple.com", b -> san("test.apple.com").apply(b).noExtendedKeyUsage()),
            fails(18, "test.apple.com.test", san("test.apple.com")),
            ok(19, "test.apple.com.", san("test.apple.com")),
            fails(20, ".test.apple.com", san("test.apple.com")),
            fails(21, "test.apple.com", san("test.apple.com.test")),
            fails(22, "test.apple.com", b -> b.commonName("ssl-policy vector").emails("test@apple.com")),
            fails(23, "test.apple.com", san("test.apple.com.")),
            fails(24, "test.apple.com", san(".test.apple.com")),
            fails(25, "test.apple.com", san("*est.apple.com")),
            fails(26, "est.apple.com", san("*est.apple.com")),
            fails(27, "test.apple.com", san("tes*.apple.com")),
            fails(28, "tes.apple.com", san("tes*.apple.com")),
            fails(29, "TEST.apple.com", cnOnly("test.apple.com")),
            fails(30, "apple", san("*")),
            fails(31, "apple.com", san("*.*")),
            fails(32, "test.apple.com", san("*.*.*")),
            fails(33, "apple", san("*.")),
            fails(34, "apple", san(".*")),
            fails(35, "apple.com", san("*")),
            fails(36, "apple.com", san("*.")),
            fails(37, "apple.com", san(".*")));

    @BeforeAll
    static void mint() {
        if (pki != null) {
            return; // minted already (the PKI is seeded: the same every time)
        }
        pki = TestPki.seeded(3_5).at(Instant.parse("2019-01-15T00:00:00Z"));
        root = pki.root("ssl-policy test root").build();
        anchor = CertificateInput.fromPem(root.pem()).get(0);
    }

    @TestFactory
    Stream<DynamicTest> appleSslPolicyVectors_onIos26_andIos12() {
        assertThat(VECTORS).hasSize(37);
        return Stream.of("26.0", "12.0")
                .flatMap(release -> VECTORS.stream()
                        .map(v -> dynamicTest(
                                "iOS " + release + " #" + v.number() + " " + v.host() + " → "
                                        + (v.succeedsOn(release) ? "succeed" : "fail"),
                                () -> check(release, v))));
    }

    /** Each vector's leaf, minted once (a second mint would be another certificate). */
    private static final java.util.Map<Integer, HeldCertificate> LEAVES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Vector {@code v} evaluated with the rules of {@code release} (after {@link #mint()}). */
    static TrustReport evaluate(String release, Vector v) {
        HeldCertificate leaf = LEAVES.computeIfAbsent(
                v.number(),
                n -> v.leaf().apply(pki.leaf("placeholder.example", root)).build());
        return SecTrust.ios(release)
                .forServer(v.host())
                .at(pki.now())
                .withAnchors(List.of(anchor))
                .evaluate(CertificateInput.fromPem(leaf.pem()));
    }

    private static void check(String release, Vector v) {
        TrustReport r = evaluate(release, v);
        Set<FindingCode> failing = r.failures().stream().map(Finding::code).collect(Collectors.toSet());
        if (v.succeedsOn(release)) {
            assertThat(r.trusted())
                    .as("#%d on iOS %s: %s", v.number(), release, r.failures())
                    .isTrue();
        } else {
            assertThat(r.trusted()).as("#%d on iOS %s", v.number(), release).isFalse();
            assertThat(failing).as("#%d on iOS %s", v.number(), release).containsExactly(v.failure());
        }
    }
}
