package io.github.sectrust4j.policy.names;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.policy.names.NameConstraintMatcher.Within;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * §3.3: labels compare with ASCII case folding. Java's {@code regionMatches(true, ...)} folded the dotless
 * ı (U+0131) and the dotted İ (U+0130) to {@code i}, so {@code ınfo.example.com} matched a SAN
 * {@code info.example.com}: a false trust. Unicode case folding (Core Foundation's) keeps them apart.
 */
@ExtendWith(TestPkiExtension.class)
class NonAsciiCaseFoldingTest {
    static final String DOTLESS = "\u0131nfo.example.com";
    static final String DOTTED = "\u0130nfo.example.com";
    static final String KELVIN = "\u212Aey.example.com";

    @ParameterizedTest
    @EnumSource(HostnameRules.class)
    void turkishI_andKelvin_neverMatchAnAsciiName_inEveryMatcher(HostnameRules rules) {
        for (String ref : List.of(DOTLESS, DOTTED)) {
            assertThat(match(rules, ref, "info.example.com"))
                    .as(rules + " " + ref)
                    .isFalse();
            assertThat(match(rules, "www." + ref, "*.info.example.com"))
                    .as("wildcard " + rules + " " + ref)
                    .isFalse();
        }
        assertThat(match(rules, KELVIN, "key.example.com")).isFalse();
        // ASCII case still folds
        assertThat(match(rules, "INFO.Example.COM", "info.example.com")).isTrue();
        assertThat(match(rules, "WWW.INFO.EXAMPLE.COM", "*.info.example.com")).isTrue();
    }

    @Test
    void dnsNameConstraints_asciiFolds_nonAsciiIsUndecidable_soItFailsClosed() {
        assertThat(NameConstraintMatcher.dnsWithin("WWW.Info.Example.COM", "info.example.com"))
                .isEqualTo(Within.YES);
        assertThat(NameConstraintMatcher.dnsWithin("www.info.example.com", ".INFO.example.com"))
                .isEqualTo(Within.YES);
        assertThat(NameConstraintMatcher.dnsWithin(DOTLESS, "info.example.com")).isEqualTo(Within.UNDECIDABLE);
        assertThat(NameConstraintMatcher.dnsWithin("a.info.example.com", "\u0131nfo.example.com"))
                .isEqualTo(Within.UNDECIDABLE);
        assertThat(NameConstraintMatcher.dnsWithin("other.example.org", "info.example.com"))
                .isEqualTo(Within.NO);

        NameConstraintState permitted = NameConstraintState.unconstrained()
                .withCa(List.of(GeneralNameValue.dns("info.example.com")), List.of());
        NameConstraintState excluded =
                NameConstraintState.unconstrained().withCa(List.of(), List.of(GeneralNameValue.dns("key.example.com")));
        // before: "ınfo" fell inside the permitted subtree; now not, and a Kelvin sign cannot dodge an exclusion
        assertThat(permitted.permits(names(GeneralNameValue.dns(DOTLESS))).permitted())
                .isFalse();
        assertThat(permitted.permits(names(GeneralNameValue.dns(DOTTED))).permitted())
                .isFalse();
        assertThat(permitted
                        .permits(names(GeneralNameValue.dns("WWW.INFO.example.com")))
                        .permitted())
                .isTrue();
        assertThat(excluded.permits(names(GeneralNameValue.dns(KELVIN))).permitted())
                .isFalse();
        assertThat(excluded.permits(names(GeneralNameValue.dns("KEY.example.com")))
                        .permitted())
                .isFalse();
        assertThat(excluded.permits(names(GeneralNameValue.dns("lock.example.com")))
                        .permitted())
                .isTrue();
    }

    @Test
    void emailAndUriConstraints_foldAsciiOnly() {
        assertThat(NameConstraintMatcher.emailWithin("Admin@INFO.example.com", "admin@info.example.com"))
                .isEqualTo(Within.YES);
        assertThat(NameConstraintMatcher.emailWithin("admin@" + DOTLESS, "info.example.com"))
                .isEqualTo(Within.UNDECIDABLE);
        assertThat(NameConstraintMatcher.emailWithin("admin@www.info.example.com", ".Info.Example.com"))
                .isEqualTo(Within.YES);
        assertThat(NameConstraintMatcher.uriWithin("https://" + DOTTED + "/x", "info.example.com"))
                .isEqualTo(Within.UNDECIDABLE);
        assertThat(NameConstraintMatcher.uriWithin("https://INFO.example.com:8443/x", "info.example.com"))
                .isEqualTo(Within.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.4", "12.0", "9.3"})
    void endToEnd_dotlessHost_isAHostNameMismatch(String ios, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf =
                pki.leaf("info.example.com", root).validForDays(90).build();
        SecTrust trust = SecTrust.ios(ios).at(pki.now()).ctKillSwitch(true).withExtraSystemRoots(certs(root));

        TrustReport upper = trust.forServer("INFO.EXAMPLE.COM").evaluate(certs(leaf));
        assertThat(upper.trusted()).as(upper.explain()).isTrue();
        for (String host : List.of(DOTLESS, DOTTED)) {
            TrustReport r = trust.forServer(host).evaluate(certs(leaf));
            assertThat(r.trusted()).as(r.explain()).isFalse();
            assertThat(r.has(FindingCode.SSL_HOSTNAME)).isTrue();
        }
    }

    private static boolean match(HostnameRules rules, String ref, String presented) {
        return HostnameMatcher.match(rules, ref, PresentedIdentities.ofDnsNames(List.of(presented)))
                .matched();
    }

    private static CertificateNames names(GeneralNameValue san) {
        return new CertificateNames(new byte[] {0x30, 0x00}, List.of(), List.of(san));
    }
}
