package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.ct.CtExceptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CT exception domains (§8.5) fold ASCII case only: a dotless ı must not borrow an exception for "i". */
class CtExceptionsCaseTest {
    @Test
    void domains_foldAsciiOnly() {
        CtExceptions ex = CtExceptions.of(List.of("info.example.com", ".corp.example.com"), List.of());
        assertThat(SystemTrustedCtRequirement.domainMatching(ex, "INFO.example.com"))
                .isEqualTo("info.example.com");
        assertThat(SystemTrustedCtRequirement.domainMatching(ex, "a.CORP.Example.com"))
                .isEqualTo(".corp.example.com");
        assertThat(SystemTrustedCtRequirement.domainMatching(ex, "\u0131nfo.example.com"))
                .isNull();
        assertThat(SystemTrustedCtRequirement.domainMatching(ex, "\u0130NFO.example.com"))
                .isNull();
        assertThat(SystemTrustedCtRequirement.domainMatching(ex, "a.c\u0131rp.example.com"))
                .isNull();
    }
}
