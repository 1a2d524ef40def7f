package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CT exception domains (§8.5) fold ASCII case only: a dotless ı must not borrow an exception for "i". */
class CtExceptionsCaseTest {
    @Test
    void domains_foldAsciiOnly() {
        CtExceptions ex = CtExceptions.of(List.of("info.example.com", ".corp.example.com"), List.of());
        assertThat(ex.domainMatching("INFO.example.com")).isEqualTo("info.example.com");
        assertThat(ex.domainMatching("a.CORP.Example.com")).isEqualTo(".corp.example.com");
        assertThat(ex.domainMatching("\u0131nfo.example.com")).isNull();
        assertThat(ex.domainMatching("\u0130NFO.example.com")).isNull();
        assertThat(ex.domainMatching("a.c\u0131rp.example.com")).isNull();
    }
}
