package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Messages do not depend on the JVM's default locale: with a Turkish default, {@code "RETIRED".toLowerCase()}
 * gives "retıred" (dotless ı), so the same input produced different bytes on differently configured machines.
 */
class LocaleIndependentMessagesTest {
    @Test
    void logStateInMessages_isLowerCasedWithTheRootLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String spki = java.util.Base64.getEncoder()
                    .encodeToString(io.github.sectrust4j.fixtures.TestPki.seeded(5)
                            .root("R")
                            .build()
                            .certificate()
                            .getPublicKey()
                            .getEncoded());
            var logs = new ObjectMapper()
                    .readTree("[{\"key\":\"" + spki + "\",\"operator\":\"o\",\"state\":\"retired\"}]");
            assertThatThrownBy(() -> CtLogList.fromRequestJson(logs)).hasMessageContaining("is retired and needs");
        } finally {
            Locale.setDefault(before);
        }
    }
}
