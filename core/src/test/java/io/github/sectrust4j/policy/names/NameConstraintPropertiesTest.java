package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the name-constraint state (spec §2.3, RFC 5280 §6.1.4). */
class NameConstraintPropertiesTest {

    @Provide
    Arbitrary<GeneralNameValue> smallName() {
        Arbitrary<String> dns = Arbitraries.of("a", "b", "ab", "x")
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(l -> String.join(".", l));
        Arbitrary<String> dnsConstraint = Arbitraries.oneOf(dns, dns.map(d -> "." + d), Arbitraries.just(""));
        return Arbitraries.oneOf(
                Arbitraries.oneOf(dns, dnsConstraint).map(GeneralNameValue::dns),
                dns.map(d -> "u@" + d).map(GeneralNameValue::email),
                dnsConstraint.map(GeneralNameValue::email),
                Arbitraries.bytes()
                        .between((byte) 0, (byte) 3)
                        .array(byte[].class)
                        .ofSize(4)
                        .map(GeneralNameValue::ip),
                Arbitraries.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, new byte[] {1, 0, 0, 0, -1, 0, 0, 0}, new byte[] {
                            1, 2, 0, 0, -1, -1, 0, 0
                        })
                        .map(GeneralNameValue::ip));
    }

    @Provide
    Arbitrary<List<GeneralNameValue>> subtrees() {
        return smallName().list().ofMaxSize(3);
    }

    @Property(tries = 500)
    void intersectionIsMonotone_permittedAfterBothImpliesPermittedByEach(
            @ForAll("subtrees") List<GeneralNameValue> a,
            @ForAll("subtrees") List<GeneralNameValue> b,
            @ForAll("smallName") GeneralNameValue name) {
        CertificateNames names = new CertificateNames(new byte[] {0x30, 0}, List.of(), List.of(name));
        NameConstraintState sa = NameConstraintState.unconstrained().withCa(a, List.of());
        NameConstraintState sb = NameConstraintState.unconstrained().withCa(b, List.of());
        NameConstraintState both = sa.withCa(b, List.of());
        Statistics.collect(both.permits(names).permitted() ? "permitted by both" : "refused");
        Statistics.coverage(c -> {
            c.check("permitted by both").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        if (both.permits(names).permitted()) {
            assertThat(sa.permits(names).permitted()).isTrue();
            assertThat(sb.permits(names).permitted()).isTrue();
        }
    }

    @Property(tries = 500)
    void addingExcludedSubtrees_neverPermitsMore(
            @ForAll("subtrees") List<GeneralNameValue> ex1,
            @ForAll("subtrees") List<GeneralNameValue> ex2,
            @ForAll("smallName") GeneralNameValue name) {
        CertificateNames names = new CertificateNames(new byte[] {0x30, 0}, List.of(), List.of(name));
        NameConstraintState s1 = NameConstraintState.unconstrained().withCa(List.of(), ex1);
        Statistics.collect(s1.withCa(List.of(), ex2).permits(names).permitted() ? "permitted" : "excluded");
        Statistics.coverage(c -> {
            c.check("permitted").count(n -> n > 0);
            c.check("excluded").count(n -> n > 0);
        });
        if (s1.withCa(List.of(), ex2).permits(names).permitted()) {
            assertThat(s1.permits(names).permitted()).isTrue();
        }
    }

    @Provide
    Arbitrary<GeneralNameValue> garbageName() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("@.:/[]?#a").ofMaxLength(30));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.oneOf(
                text.map(GeneralNameValue::dns),
                text.map(GeneralNameValue::email),
                text.map(GeneralNameValue::uri),
                bytes.map(GeneralNameValue::ip),
                bytes.map(GeneralNameValue::directoryName),
                bytes.map(b -> {
                            byte[] seq = new byte[b.length + 2];
                            seq[0] = 0x30;
                            seq[1] = (byte) b.length;
                            System.arraycopy(b, 0, seq, 2, b.length);
                            return seq;
                        })
                        .map(GeneralNameValue::directoryName));
    }

    @Property(tries = 500)
    void neverThrows_onGarbage(
            @ForAll("garbageName") GeneralNameValue permitted,
            @ForAll("garbageName") GeneralNameValue excluded,
            @ForAll("garbageName") GeneralNameValue san,
            @ForAll byte[] subject,
            @ForAll String email) {
        NameConstraintState s = NameConstraintState.unconstrained().withCa(List.of(permitted), List.of(excluded));
        NameConstraintCheck c = s.permits(new CertificateNames(subject, List.of(email), List.of(san)));
        Statistics.collect(c.permitted() ? "permitted" : "refused");
        Statistics.coverage(k -> {
            k.check("refused").count(n -> n > 0);
        });
        assertThat(c.explain()).isNotNull();
        assertThat(san.toString()).isNotNull();
    }

    @Property(tries = 300)
    void dnsConstraint_coversSubdomains_butNotLookalikes(
            @ForAll("label") String sub, @ForAll("label") String base, @ForAll("label") String prefix) {
        Statistics.collect(prefix.length() == 1 ? "one-letter prefix" : "longer prefix");
        Statistics.coverage(c -> {
            c.check("one-letter prefix").count(n -> n > 0);
            c.check("longer prefix").count(n -> n > 0);
        });
        String c = base + ".example";
        assertThat(NameConstraintMatcher.dnsWithin(sub + "." + c, c)).isEqualTo(NameConstraintMatcher.Within.YES);
        assertThat(NameConstraintMatcher.dnsWithin(c, c)).isEqualTo(NameConstraintMatcher.Within.YES);
        assertThat(NameConstraintMatcher.dnsWithin(prefix + c, c)).isEqualTo(NameConstraintMatcher.Within.NO);
        assertThat(NameConstraintMatcher.dnsWithin(c, "." + c)).isEqualTo(NameConstraintMatcher.Within.NO);
    }

    @Provide
    Arbitrary<String> label() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    }
}
