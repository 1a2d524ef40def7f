package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** §3.2 DNS-syntax filter for presented names. */
class DnsNameFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "*.example.com",
                "_sip._tcp.example.com",
                "a",
                "*",
                "x--y.com",
                "1example.com",
                "xn--bcher-kva.example",
                "EXAMPLE.COM",
                "t*t.apple.com",
                "*.*"
            })
    void accepted(String name) {
        assertThat(DnsNameFilter.defect(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'', EMPTY",
        "bücher.example, INVALID_CHARACTER",
        "exa mple.com, INVALID_CHARACTER",
        "example.com., EMPTY_LABEL",
        ".example.com, EMPTY_LABEL",
        "a..example.com, EMPTY_LABEL",
        "-a.example.com, LABEL_STARTS_WITH_HYPHEN",
        "a-.example.com, LABEL_ENDS_WITH_HYPHEN",
        "1.2.3.4, NO_LETTER_IN_LAST_LABEL",
        "example._1, NO_LETTER_IN_LAST_LABEL",
        "example.123, NO_LETTER_IN_LAST_LABEL",
        "2001:db8::1, INVALID_CHARACTER",
    })
    void rejected(String name, PresentedNameDefect defect) {
        assertThat(DnsNameFilter.defect(name)).contains(defect);
    }

    @org.junit.jupiter.api.Test
    void lengthLimits_255ForName_63ForLabel() {
        String label63 = "a".repeat(63);
        assertThat(DnsNameFilter.defect(label63 + ".com")).isEmpty();
        assertThat(DnsNameFilter.defect("a" + label63 + ".com")).contains(PresentedNameDefect.LABEL_TOO_LONG);
        String name255 = (label63 + ".").repeat(3) + "a".repeat(63); // 4*63 + 3 = 255
        assertThat(name255).hasSize(255);
        assertThat(DnsNameFilter.defect(name255)).isEmpty();
        assertThat(DnsNameFilter.defect(name255 + "a")).contains(PresentedNameDefect.TOO_LONG);
    }
}
