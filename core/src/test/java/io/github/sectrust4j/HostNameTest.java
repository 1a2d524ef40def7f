package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** {@link HostName}: what is kept, what is taken apart with a notice, what is refused with the bare name. */
class HostNameTest {

    @Test
    void plainNames_andIpLiterals_areKeptExactly_withoutNotice() {
        for (String s : List.of(
                "sip.contoso.com",
                "SIP.Contoso.COM",
                "sip.contoso.com.",
                "fe01",
                "_sip.contoso.com",
                "10.0.0.1",
                "::1",
                "[::1]",
                "2001:db8::1",
                "xn--bcher-kva.example")) {
            HostName h = HostName.parse(s);
            assertThat(h.value()).as(s).isEqualTo(s);
            assertThat(h.notice()).as(s).isEmpty();
            assertThat(h.fromUrl()).isFalse();
        }
        assertThat(HostName.parse("10.0.0.1").kind()).isEqualTo(HostName.Kind.IPV4);
        assertThat(HostName.parse("[2001:db8::1]").kind()).isEqualTo(HostName.Kind.IPV6);
        assertThat(HostName.parse("sip.contoso.com").kind()).isEqualTo(HostName.Kind.DNS_NAME);
    }

    @Test
    void url_isTakenApart_withANoticeSayingWhat() {
        HostName h = HostName.parse("https://admin:pw@sip.contoso.com:5061/owa/?x=1#top");
        assertThat(h.value()).isEqualTo("sip.contoso.com");
        assertThat(h.fromUrl()).isTrue();
        assertThat(h.notice()).get().asString().contains("is a URL", "'sip.contoso.com'", "port removed");
        assertThat(HostName.parse("https://[2001:db8::1]:443/").value()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void idn_becomesItsALabel_withANotice() {
        HostName h = HostName.parse("Bücher.example");
        assertThat(h.value()).isEqualTo("xn--bcher-kva.example");
        assertThat(h.notice()).get().asString().contains("A-label", "xn--bcher-kva.example");
        // through a URL: both notices
        assertThat(HostName.parse("https://bücher.example/").notice())
                .get()
                .asString()
                .contains("URL", "A-label");
    }

    @Test
    void idnDeviationCharacters_areRefused_notGuessed() {
        assertThatThrownBy(() -> HostName.parse("straße.de"))
                .isInstanceOf(InvalidHostNameException.class)
                .hasMessageContaining("U+00DF")
                .hasMessageContaining("A-label");
    }

    @Test
    void portsListsSpacesEmptyLabelsAndWildcards_areRefused_withTheBareNameSuggested() {
        assertThat(suggestions("sip.contoso.com:443")).containsExactly("sip.contoso.com");
        assertThat(suggestions("[::1]:443")).containsExactly("[::1]");
        assertThat(suggestions("10.0.0.1:80")).containsExactly("10.0.0.1");
        assertThat(suggestions("a.contoso.com,b.contoso.com")).containsExactly("a.contoso.com", "b.contoso.com");
        assertThat(suggestions("a.contoso.com b.contoso.com")).containsExactly("a.contoso.com", "b.contoso.com");
        assertThat(suggestions(" sip.contoso.com ")).containsExactly("sip.contoso.com");
        assertThat(suggestions("sip..contoso.com")).containsExactly("sip.contoso.com");
        assertThat(suggestions("sip.contoso.com/owa")).containsExactly("sip.contoso.com");
        assertThat(suggestions("*.contoso.com")).isEmpty();
        assertThat(suggestions("")).isEmpty();
        assertThat(suggestions("https:///path")).isEmpty();
        assertThat(suggestions("a".repeat(64) + ".com")).isEmpty();
        assertThat(suggestions("bad\u0000name")).isEmpty();
        assertThatThrownBy(() -> HostName.parse("sip.contoso.com:443"))
                .hasMessage("'sip.contoso.com:443' is not a "
                        + "bare host name: it has a port (iOS matches the certificate against the host name only, whatever the "
                        + "port); give 'sip.contoso.com'");
    }

    @Test
    void equality_ignoresCase() {
        assertThat(HostName.parse("SIP.contoso.com"))
                .isEqualTo(HostName.parse("sip.CONTOSO.com"))
                .hasSameHashCodeAs(HostName.parse("sip.CONTOSO.com"));
    }

    @Test
    void lyncNames_areTheSeedsSanTable() {
        assertThat(LyncExternalNames.of("contoso.com").stream().map(HostName::value))
                .containsExactly(
                        "sip.contoso.com",
                        "webconf.contoso.com",
                        "av.contoso.com",
                        "lyncweb.contoso.com",
                        "lyncdiscover.contoso.com");
        assertThatThrownBy(() -> LyncExternalNames.of("10.0.0.1")).isInstanceOf(InvalidHostNameException.class);
        assertThatThrownBy(() -> LyncExternalNames.of("https://contoso.com/"))
                .isInstanceOf(InvalidHostNameException.class)
                .hasMessageContaining("give 'contoso.com'");
    }

    /** Every well-formed ASCII name is kept byte for byte (the batch contract's promise); with a port it is refused. */
    @Property(tries = 300)
    void validAsciiNames_areKept_andWithAPortRefused(@ForAll("names") String name, @ForAll("ports") int port) {
        Statistics.label("labels").collect(name.split("\\.").length);
        Statistics.label("case").collect(name.equals(name.toLowerCase(Locale.ROOT)) ? "lower" : "mixed");
        HostName h = HostName.parse(name);
        assertThat(h.value()).isEqualTo(name);
        assertThat(h.notice()).isEmpty();
        assertThat(suggestions(name + ":" + port)).containsExactly(name);
        assertThat(HostName.parse("https://" + name + ":" + port + "/x").value())
                .isEqualTo(name);
        Statistics.label("labels").coverage(c -> {
            c.check(1).count(n -> n > 0);
            c.check(4).count(n -> n > 0);
        });
        Statistics.label("case").coverage(c -> c.check("mixed").count(n -> n > 0));
    }

    /**
     * A name of letters, digits, '-', '_' and '.' alone (the shortcut of the usual input) reads as the same name
     * inside a URL (the full path): kept alike, or refused for the same reason.
     */
    @Property(tries = 400)
    void plainCharacterNames_readAsTheSameHostInsideAUrl(@ForAll("plainCharacters") String name) {
        String url = "https://" + name + "/";
        InvalidHostNameException direct = null;
        HostName h = null;
        try {
            h = HostName.parse(name);
        } catch (InvalidHostNameException e) {
            direct = e;
        }
        Statistics.label("outcome").collect(direct == null ? "kept" : "refused");
        if (direct == null) {
            HostName inUrl = HostName.parse(url);
            assertThat(h.value()).isEqualTo(inUrl.value()).isEqualTo(name);
            assertThat(h.kind()).isEqualTo(inUrl.kind());
            assertThat(h.notice()).isEmpty();
        } else {
            assertThatThrownBy(() -> HostName.parse(url))
                    .isInstanceOf(InvalidHostNameException.class)
                    .hasMessage(quoted(url) + " is a URL whose host " + direct.getMessage());
        }
        Statistics.label("outcome").coverage(c -> {
            c.check("kept").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<String> plainCharacters() {
        Arbitrary<String> shortNames =
                Arbitraries.strings().withChars("aZ09-_.").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> longLabels = Arbitraries.strings()
                .withChars("ab.")
                .ofMinLength(60)
                .ofMaxLength(260); // labels over 63, names over 253
        return Arbitraries.oneOf(shortNames, shortNames, longLabels);
    }

    private static String quoted(String s) {
        return "'" + s + "'";
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label =
                Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(1).ofMaxLength(12);
        return label.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(l -> String.join(".", l))
                .filter(s -> io.github.sectrust4j.request.ReferenceHost.of(s)
                        .ipLiteral()
                        .isEmpty()); // e.g. 019.0.1.1 is an IP
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(0, 65535);
    }

    private static List<String> suggestions(String text) {
        InvalidHostNameException e = catchThrowableOfType(() -> HostName.parse(text), InvalidHostNameException.class);
        assertThat(e).as("'%s' must be refused", text).isNotNull();
        assertThat(e.input()).isEqualTo(text);
        return e.suggestions();
    }
}
