package io.github.sectrust4j.policy.names;

import static io.github.sectrust4j.policy.names.GeneralNameValue.dns;
import static io.github.sectrust4j.policy.names.GeneralNameValue.email;
import static io.github.sectrust4j.policy.names.GeneralNameValue.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.policy.names.NameConstraintCheck.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name-constraint rules of spec §2.3. */
class NameConstraintStateTest {

    static byte[] dn(String rfc) {
        try {
            return new X500Name(rfc).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final byte[] EMPTY_SUBJECT = {0x30, 0x00};

    static CertificateNames sanOnly(GeneralNameValue... san) {
        return new CertificateNames(EMPTY_SUBJECT, List.of(), List.of(san));
    }

    static NameConstraintState permitting(GeneralNameValue... subtrees) {
        return NameConstraintState.unconstrained().withCa(List.of(subtrees), List.of());
    }

    static NameConstraintState excluding(GeneralNameValue... subtrees) {
        return NameConstraintState.unconstrained().withCa(List.of(), List.of(subtrees));
    }

    static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @ParameterizedTest(name = "DNS {0} within {1} -> {2}")
    @CsvSource({
        "example.com, example.com, true",
        "a.example.com, example.com, true",
        "a.b.EXAMPLE.com, Example.COM, true",
        "badexample.com, example.com, false",
        "example.com, .example.com, false",
        "a.example.com, .example.com, true",
        "com, example.com, false",
        "anything.org, '', true",
    })
    void dnsConstraint(String name, String constraint, boolean expected) {
        assertThat(permitting(dns(constraint)).permits(sanOnly(dns(name))).permitted())
                .isEqualTo(expected);
        assertThat(excluding(dns(constraint)).permits(sanOnly(dns(name))).permitted())
                .isEqualTo(!expected);
    }

    @ParameterizedTest(name = "e-mail {0} within {1} -> {2}")
    @CsvSource({
        "alice@example.com, alice@example.com, true",
        "Alice@Example.com, alice@example.com, true",
        "bob@example.com, alice@example.com, false",
        "alice@example.com, example.com, true",
        "alice@mail.example.com, example.com, false",
        "alice@mail.example.com, .example.com, true",
        "alice@example.com, .example.com, false",
        "alice@badexample.com, .example.com, false",
    })
    void emailConstraint(String name, String constraint, boolean expected) {
        assertThat(permitting(email(constraint)).permits(sanOnly(email(name))).permitted())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "URI {0} within {1} -> {2}")
    @CsvSource({
        "https://www.example.com/path, www.example.com, true",
        "https://user@WWW.example.com:8443/x?y, www.example.com, true",
        "https://example.com/, www.example.com, false",
        "https://www.example.com/, .example.com, true",
        "https://example.com/, .example.com, false",
        "ldap://[2001:db8::1]/o=x, [2001:db8::1], true",
    })
    void uriConstraint(String name, String constraint, boolean expected) {
        assertThat(permitting(uri(constraint)).permits(sanOnly(uri(name))).permitted())
                .isEqualTo(expected);
    }

    @Test
    void uriWithoutHost_failsPermittedAndExcluded_closed() {
        assertThat(permitting(uri("example.com"))
                        .permits(sanOnly(uri("urn:isbn:123")))
                        .outcome())
                .isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(excluding(uri("example.com"))
                        .permits(sanOnly(uri("urn:isbn:123")))
                        .outcome())
                .isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void ipConstraint_isAddressAndMask() {
        GeneralNameValue net10 = GeneralNameValue.ip(b(10, 0, 0, 0, 255, 0, 0, 0));
        assertThat(permitting(net10)
                        .permits(sanOnly(GeneralNameValue.ip(b(10, 200, 1, 1))))
                        .permitted())
                .isTrue();
        assertThat(permitting(net10)
                        .permits(sanOnly(GeneralNameValue.ip(b(11, 0, 0, 1))))
                        .permitted())
                .isFalse();
        GeneralNameValue host = GeneralNameValue.ip(b(192, 168, 1, 7, 255, 255, 255, 255));
        assertThat(excluding(host)
                        .permits(sanOnly(GeneralNameValue.ip(b(192, 168, 1, 7))))
                        .outcome())
                .isEqualTo(Outcome.EXCLUDED);
        assertThat(excluding(host)
                        .permits(sanOnly(GeneralNameValue.ip(b(192, 168, 1, 8))))
                        .permitted())
                .isTrue();
    }

    @Test
    void ipv4AndIpv6_neverMatchEachOther() {
        GeneralNameValue allV6 = GeneralNameValue.ip(new byte[32]); // ::/0
        GeneralNameValue allV4 = GeneralNameValue.ip(new byte[8]); // 0.0.0.0/0
        GeneralNameValue v4 = GeneralNameValue.ip(b(10, 0, 0, 1));
        GeneralNameValue v6 = GeneralNameValue.ip(new byte[16]);
        assertThat(permitting(allV6).permits(sanOnly(v4)).permitted()).isFalse();
        assertThat(permitting(allV4).permits(sanOnly(v6)).permitted()).isFalse();
        assertThat(excluding(allV6).permits(sanOnly(v4)).permitted()).isTrue();
        assertThat(permitting(allV4).permits(sanOnly(v4)).permitted()).isTrue();
    }

    @Test
    void dnConstraint_isRdnPrefixMatch() {
        GeneralNameValue contoso = GeneralNameValue.directoryName(dn("C=US,O=Contoso"));
        CertificateNames inside = new CertificateNames(dn("C=US,O=Contoso,CN=www"), List.of(), List.of());
        CertificateNames caseOnly = new CertificateNames(dn("C=us,O=CONTOSO,CN=www"), List.of(), List.of());
        CertificateNames outside = new CertificateNames(dn("C=US,O=Fabrikam,CN=www"), List.of(), List.of());
        CertificateNames shorter = new CertificateNames(dn("C=US"), List.of(), List.of());
        assertThat(permitting(contoso).permits(inside).permitted()).isTrue();
        assertThat(permitting(contoso).permits(caseOnly).permitted()).isTrue();
        assertThat(permitting(contoso).permits(outside).outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(permitting(contoso).permits(shorter).permitted()).isFalse();
        assertThat(excluding(contoso).permits(inside).outcome()).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void emptySubjectAndNoSan_failsOutright_whenConstraintsExist() {
        CertificateNames nothing = new CertificateNames(EMPTY_SUBJECT, List.of(), List.of());
        assertThat(permitting(dns("example.com")).permits(nothing).outcome()).isEqualTo(Outcome.NO_NAMES);
        assertThat(excluding(dns("example.com")).permits(nothing).outcome()).isEqualTo(Outcome.NO_NAMES);
        assertThat(NameConstraintState.unconstrained().permits(nothing).permitted())
                .isTrue();
    }

    @Test
    void subjectDnAndSanDisagree_permittedFails_excludedExcludes() {
        GeneralNameValue contoso = GeneralNameValue.directoryName(dn("O=Contoso"));
        // DN inside, SAN e-mail outside the permitted e-mail subtree
        CertificateNames mixed =
                new CertificateNames(dn("O=Contoso,CN=alice"), List.of(), List.of(email("alice@fabrikam.com")));
        NameConstraintState permitted = permitting(contoso, email("contoso.com"));
        NameConstraintCheck c = permitted.permits(mixed);
        assertThat(c.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(c.violatingName()).contains(email("alice@fabrikam.com"));
        assertThat(c.subtree()).contains(email("contoso.com"));
        // DN outside an excluded subtree, SAN inside it: excluded
        CertificateNames mixed2 = new CertificateNames(
                dn("O=Fabrikam,CN=x"), List.of(), List.of(GeneralNameValue.directoryName(dn("O=Contoso,CN=x"))));
        assertThat(excluding(contoso).permits(mixed2).outcome()).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void subjectEmailAttributes_areCheckedAgainstEmailSubtrees() {
        CertificateNames names = new CertificateNames(dn("CN=alice"), List.of("alice@fabrikam.com"), List.of());
        assertThat(permitting(email("contoso.com")).permits(names).outcome()).isEqualTo(Outcome.NOT_PERMITTED);
    }

    @Test
    void commonName_isNeverADnsName() {
        // CN "evil.com" is not checked against DNS constraints; only dNSName entries are
        CertificateNames names = new CertificateNames(dn("CN=evil.com"), List.of(), List.of(dns("www.example.com")));
        assertThat(permitting(dns("example.com")).permits(names).permitted()).isTrue();
        assertThat(excluding(dns("evil.com")).permits(names).permitted()).isTrue();
    }

    @Test
    void formsWithoutPermittedSubtrees_areUnconstrained() {
        assertThat(permitting(dns("example.com"))
                        .permits(sanOnly(email("x@anywhere.org")))
                        .permitted())
                .isTrue();
    }

    @Test
    void permittedSubtrees_areIntersectedAcrossCas() {
        NameConstraintState s =
                permitting(dns("example.com")).withCa(List.of(dns("a.example.com"), dns("other.org")), List.of());
        assertThat(s.permits(sanOnly(dns("x.a.example.com"))).permitted()).isTrue();
        assertThat(s.permits(sanOnly(dns("b.example.com"))).permitted()).isFalse();
        assertThat(s.permits(sanOnly(dns("other.org"))).permitted()).isFalse();
    }

    @Test
    void excludedSubtrees_areUnitedAcrossCas() {
        NameConstraintState s = excluding(dns("a.com")).withCa(List.of(), List.of(dns("b.com")));
        assertThat(s.permits(sanOnly(dns("x.a.com"))).outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(s.permits(sanOnly(dns("x.b.com"))).outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(s.permits(sanOnly(dns("x.c.com"))).permitted()).isTrue();
    }

    @Test
    void withCa_leavesTheOriginalStateUnchanged() {
        NameConstraintState before = permitting(dns("example.com"));
        before.withCa(List.of(dns("a.example.com")), List.of(dns("example.com")));
        assertThat(before.permits(sanOnly(dns("b.example.com"))).permitted()).isTrue();
        assertThat(before.subtreeCount()).isEqualTo(1);
    }

    @Test
    void combinedSubtreeCount_of1024_isSignalled() {
        List<GeneralNameValue> many = new ArrayList<>();
        for (int i = 0; i < 1023; i++) {
            many.add(dns("d" + i + ".example"));
        }
        NameConstraintState s = NameConstraintState.unconstrained().withCa(many, List.of());
        assertThat(s.subtreeLimitExceeded()).isFalse();
        assertThat(s.withCa(List.of(), List.of(dns("x.example"))).subtreeLimitExceeded())
                .isTrue();
    }

    @Test
    void malformedSubjectDer_failsClosedUnderDnConstraints() {
        CertificateNames garbage = new CertificateNames(b(0x30, 0x05, 1, 2), List.of(), List.of());
        assertThat(permitting(GeneralNameValue.directoryName(dn("O=Contoso")))
                        .permits(garbage)
                        .permitted())
                .isFalse();
        assertThat(excluding(GeneralNameValue.directoryName(dn("O=Contoso")))
                        .permits(garbage)
                        .permitted())
                .isFalse();
    }

    @Test
    void explain_namesViolatingNameAndSubtree() {
        NameConstraintCheck c = permitting(dns("contoso.com")).permits(sanOnly(dns("sip.fabrikam.com")));
        assertThat(c.explain())
                .isEqualTo("DNS:sip.fabrikam.com is outside the permitted subtrees (e.g. DNS:contoso.com)");
        NameConstraintCheck e = excluding(GeneralNameValue.ip(b(10, 0, 0, 0, 255, 0, 0, 0)))
                .permits(sanOnly(GeneralNameValue.ip(b(10, 1, 2, 3))));
        assertThat(e.explain()).isEqualTo("IP:10.1.2.3 is inside the excluded subtree IP:10.0.0.0/255.0.0.0");
    }
}
