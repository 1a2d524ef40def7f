package io.github.sectrust4j.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.policy.names.HostnameMatcher;
import io.github.sectrust4j.policy.names.HostnameRules;
import io.github.sectrust4j.policy.names.PresentedIdentities;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference host as iOS reads it: §3.4 IP literals, the §3.3 trailing dot, case-insensitive equality. */
class ReferenceHostTest {

    private static String hex(Optional<byte[]> b) {
        return b.map(HexFormat.of()::formatHex).orElse("none");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3.4, 01020304",
        "255.255.255.255, ffffffff",
        "001.002.003.004, 01020304",
        "...1, none", // 4 characters: below the 7-character minimum
        "1..3.4, none", // 6 characters: below the 7-character minimum
        "1..3.45, 0100032d", // 7 characters, empty part = 0
        "1.2.3.04, 01020304",
        "1.2.3.256, none",
        "1.2.3, none",
        "1.2.3.4.5, none",
        "1.2.3.-4, none",
        "0000000001.2.3.4, none", // 16 characters
    })
    void ipv4(String in, String expected) {
        assertThat(hex(ReferenceHost.parseIpv4(in))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "::, 00000000000000000000000000000000",
        "::1, 00000000000000000000000000000001",
        "[::1], 00000000000000000000000000000001",
        "1::, 00010000000000000000000000000000",
        "2001:db8::8a2e:370:7334, 20010db80000000000008a2e03707334",
        "1:2:3:4:5:6:7:8, 00010002000300040005000600070008",
        "1:2:3:4:5:6::8, 00010002000300040005000600000008",
        "1:2:3:4:5:6:7:8:9, none",
        "1:2:3:4:5:6:7, none",
        "1::2::3, none",
        ":::1, none",
        "1:::2, none",
        "12345::1, none",
        "::ffff:1.2.3.4, none",
        "[::1, none",
        "::1], none",
        "g::1, none",
        ":1, none",
        "1:2, none",
    })
    void ipv6(String in, String expected) {
        assertThat(hex(ReferenceHost.parseIpv6(in))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "www.example.com", "١.٢.٣.٤", "１::１", "[]", "[:]"})
    void nonLiterals_areNotIpAddresses(String in) {
        ReferenceHost host = ReferenceHost.of(in);
        assertThat(host.ipLiteral()).isEmpty();
        assertThat(host.isIpLiteral()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3.4, 01020304",
        "[2001:db8::1], 20010db8000000000000000000000001",
        "2001:DB8::1, 20010db8000000000000000000000001"
    })
    void literals_areReadAsAddresses(String in, String expected) {
        ReferenceHost host = ReferenceHost.of(in);
        assertThat(host.isIpLiteral()).isTrue();
        assertThat(hex(host.ipLiteral())).isEqualTo(expected);
        host.ipLiteral().orElseThrow()[0] = 9; // a copy
        assertThat(hex(host.ipLiteral())).isEqualTo(expected);
    }

    @Test
    void trailingDot_isStrippedOnce_forTheLabelMatcher() {
        assertThat(ReferenceHost.of("sip.contoso.com.").withoutTrailingDot()).isEqualTo("sip.contoso.com");
        assertThat(ReferenceHost.of("sip.contoso.com..").withoutTrailingDot()).isEqualTo("sip.contoso.com.");
        assertThat(ReferenceHost.of("sip.contoso.com.").text()).isEqualTo("sip.contoso.com.");
        assertThat(ReferenceHost.of("").withoutTrailingDot()).isEmpty();
    }

    @Test
    void equality_ignoresAsciiCaseAndTheTrailingDot_only() {
        ReferenceHost a = ReferenceHost.of("SIP.Contoso.com.");
        assertThat(a)
                .isEqualTo(ReferenceHost.of("sip.contoso.com"))
                .hasSameHashCodeAs(ReferenceHost.of("sip.contoso.com"))
                .hasToString("SIP.Contoso.com.");
        assertThat(a)
                .isNotEqualTo(ReferenceHost.of("sip.contoso.co"))
                .isNotEqualTo(ReferenceHost.of("sıp.contoso.com"));
        assertThatThrownBy(() -> ReferenceHost.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theMatcherReadsTheReferenceThroughIt() {
        PresentedIdentities san = PresentedIdentities.ofDnsNames(List.of("sip.contoso.com"));
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, ReferenceHost.of("SIP.Contoso.com."), san)
                        .matched())
                .isTrue();
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, ReferenceHost.of("sip.contoso.co"), san)
                        .matched())
                .isFalse();
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        PresentedIdentities ip = new PresentedIdentities(List.of(), false, List.of(loopback), List.of());
        // binary comparison from iOS 13 reads [::1] as the address; the textual one before does not (§3.4)
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, ReferenceHost.of("[::1]"), ip)
                        .matched())
                .isTrue();
        assertThat(HostnameMatcher.match(HostnameRules.LABEL_WITH_CN_FALLBACK, ReferenceHost.of("[::1]"), ip)
                        .matched())
                .isFalse();
    }
}
