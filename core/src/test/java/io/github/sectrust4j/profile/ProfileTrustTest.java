package io.github.sectrust4j.profile;

import static io.github.sectrust4j.profile.Profiles.cert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.profile.MobileConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A chain under a root installed by a profile, evaluated end to end (§7.1, §7.5). */
class ProfileTrustTest {
    static TestPki pki;
    static TestChain chain;
    static byte[] profile;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(1103);
        chain = pki.chain("sip.contoso.com");
        profile = MobileConfig.builder("com.contoso.roots")
                .rootPayload(chain.root())
                .build();
    }

    static SecTrust ios(String release) {
        return SecTrust.ios(release).forServer("sip.contoso.com").at(pki.now());
    }

    @Test
    void profileRootWithoutFullTrust_isNotTrustedFromIos103() {
        TrustReport r = ios("17.4").withProfile(profile, FullTrust.OFF).evaluate(chain.pem());
        assertThat(r.trusted()).isFalse();
        assertThat(r.has(FindingCode.ANCHOR_TRUSTED)).isTrue();
        assertThat(ios("10.3")
                        .withProfile(profile, FullTrust.OFF)
                        .evaluate(chain.pem())
                        .trusted())
                .isFalse();
    }

    @Test
    void profileRootWithoutFullTrust_wasTrustedBeforeIos103() {
        assertThat(ios("10.2")
                        .withProfile(profile, FullTrust.OFF)
                        .evaluate(chain.pem())
                        .trusted())
                .isTrue();
    }

    @Test
    void profileRootWithFullTrust_isTrusted_anchoredAtTheProfileRoot() {
        TrustReport r = ios("17.4").withProfile(profile, FullTrust.ON).evaluate(chain.pem());
        assertThat(r.trusted()).isTrue();
        assertThat(r.path().get(r.path().size() - 1).anchorSource()).contains(AnchorSource.PROFILE);
    }

    @Test
    void mdmProfile_isTrustedWithoutTheSwitch() {
        TrustReport r = ios("17.4").withMdmProfile(profile).evaluate(chain.pem());
        assertThat(r.trusted()).isTrue();
        assertThat(r.path().get(r.path().size() - 1).anchorSource()).contains(AnchorSource.MDM);
    }

    @Test
    void intermediateInTheProfile_completesAChainTheServerSendsWithoutIt() {
        byte[] withCa = MobileConfig.builder("com.contoso.roots")
                .rootPayload(chain.root())
                .pkcs1Payload(chain.intermediate())
                .build();
        String leafOnly = chain.leaf().pem();
        assertThat(ios("17.4")
                        .withProfile(profile, FullTrust.ON)
                        .evaluate(leafOnly)
                        .trusted())
                .isFalse();
        assertThat(ios("17.4")
                        .withProfile(withCa, FullTrust.ON)
                        .evaluate(leafOnly)
                        .trusted())
                .isTrue();
    }

    @Test
    void unsignedAndBadlySignedProfiles_stillInstallTheirRoots() {
        byte[] signed = MobileConfig.builder("com.contoso.roots")
                .displayName("Contoso")
                .rootPayload(chain.root())
                .signed(chain.intermediate(), pki.now());
        byte[] tampered = ConfigurationProfileReadTest.replace(signed, "Contoso", "Kontoso");
        assertThat(ConfigurationProfile.read(tampered).signature().orElseThrow().verifies())
                .isFalse();
        assertThat(ios("17.4")
                        .withProfile(tampered, FullTrust.ON)
                        .evaluate(chain.pem())
                        .trusted())
                .isTrue();
    }

    @Test
    void userRootFromProfile_listsItsRoots() {
        List<UserRoot> roots = UserRoot.fromProfile(profile, InstallChannel.PROFILE, FullTrust.ON);
        assertThat(roots)
                .containsExactly(new UserRoot(
                        cert(chain.root()), InstallChannel.PROFILE, FullTrust.ON, java.util.Optional.empty()));
    }

    @Test
    void profileWrittenByTheLibrary_installsItsRoot() {
        byte[] xml =
                ConfigurationProfile.builder().root(cert(chain.root())).build().toXml();
        assertThat(ios("17.4")
                        .withProfile(xml, FullTrust.ON)
                        .evaluate(chain.pem())
                        .trusted())
                .isTrue();
        assertThat(ios("17.4")
                        .withProfile(xml, FullTrust.OFF)
                        .evaluate(chain.pem())
                        .trusted())
                .isFalse();
    }
}
