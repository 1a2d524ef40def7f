package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.DuplicateUserRootException;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * §7.2: the user trust store keeps one trust-settings row per certificate, so the same certificate given
 * twice (MDM and a profile with Deny) is contradictory input. Before, the first entry silently won: an MDM
 * entry followed by the user's Deny evaluated as trusted.
 */
@ExtendWith(TestPkiExtension.class)
class DuplicateUserRootTest {

    @Test
    void api_refusesTheSecondEntry_namingBoth(TestPki pki) {
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        Certificate r = certs(root).get(0);
        SecTrust mdm =
                SecTrust.ios("17.4").forServer("example.com").at(pki.now()).withMdmRoot(r);
        assertThat(mdm.evaluate(certs(leaf)).trusted()).isTrue();

        UserRoot deny = new UserRoot(
                r,
                InstallChannel.PROFILE,
                FullTrust.OFF,
                Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY))));
        assertThatThrownBy(() -> mdm.withUserRoot(deny))
                .isInstanceOf(DuplicateUserRootException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user trust store entry 0 (mdm) and entry 1 (profile, trust settings [deny]) "
                        + "are the same certificate 'CN=Contoso Root CA'")
                .satisfies(e -> {
                    assertThat(((DuplicateUserRootException) e).firstIndex()).isZero();
                    assertThat(((DuplicateUserRootException) e).secondIndex()).isEqualTo(1);
                });
        assertThatThrownBy(() -> mdm.withProfileRoot(r, FullTrust.ON)).isInstanceOf(DuplicateUserRootException.class);
    }

    @Test
    void cli_mdmAndProfileRoot_sameFile_isBadInput_namingBothOptions(TestPki pki, @TempDir Path dir) throws Exception {
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        Path chain = Files.writeString(dir.resolve("chain.pem"), leaf.pem());
        Path a = Files.writeString(dir.resolve("a.pem"), root.pem());
        Path b = Files.writeString(dir.resolve("b.pem"), root.pem());
        Cli.Run run = Cli.run(
                "evaluate",
                chain.toString(),
                "--host",
                "example.com",
                "--at",
                pki.now().toString(),
                "--profile-root",
                a + ":full-trust",
                "--mdm-root",
                b.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("--profile-root " + a + ":full-trust (profile, full trust) and --mdm-root " + b
                        + " (mdm) are the same certificate 'CN=Contoso Root CA'");
    }
}
