package io.github.sectrust4j.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Policy;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.request.ReferenceHost;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A trust setting's policy string (§7.3) names a host: ASCII case folds, a dotless ı is not an i. */
class TrustSettingsCaseTest {
    @Test
    void policyString_foldsAsciiOnly() {
        List<TrustSetting> s =
                List.of(TrustSetting.of(TrustSetting.Result.TRUST_ROOT).forHost("info.example.com"));
        assertThat(TrustSettingsMatch.firstMatch(
                        s, Policy.SSL_SERVER, Optional.of(ReferenceHost.of("INFO.Example.com")), 0L))
                .contains(TrustSetting.Result.TRUST_ROOT);
        assertThat(TrustSettingsMatch.firstMatch(
                        s, Policy.SSL_SERVER, Optional.of(ReferenceHost.of("\u0131nfo.example.com")), 0L))
                .isEmpty();
        assertThat(TrustSettingsMatch.firstMatch(
                        s, Policy.SSL_SERVER, Optional.of(ReferenceHost.of("\u0130nfo.example.com")), 0L))
                .isEmpty();
    }
}
