package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** §3.4 reference IP literal parsing. */
class IpLiteralTest {

    private static String hex(Optional<byte[]> b) {
        return b.map(IpLiteral::hex).orElse("none");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3.4, 01020304",
        "255.255.255.255, ffffffff",
        "001.002.003.004, 01020304",
        "...1, none",           // 4 characters: below the 7-character minimum
        "1..3.4, none",         // 6 characters: below the 7-character minimum
        "1..3.45, 0100032d",    // 7 characters, empty part = 0
        "1.2.3.04, 01020304",
        "1.2.3.256, none",
        "1.2.3, none",
        "1.2.3.4.5, none",
        "1.2.3.-4, none",
        "0000000001.2.3.4, none", // 16 characters
    })
    void ipv4(String in, String expected) {
        assertThat(hex(IpLiteral.parseIpv4(in))).isEqualTo(expected);
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
        assertThat(hex(IpLiteral.parseIpv6(in))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "www.example.com", "١.٢.٣.٤", "１::１", "[]", "[:]"})
    void nonLiterals_areNotIpAddresses(String in) {
        assertThat(IpLiteral.parseReference(in)).isEmpty();
    }
}
