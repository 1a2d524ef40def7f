package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Hard-coded facts (§1.3, §2.2, §11.5) are checked against the reference certificates where possible. */
class HardCodedTrustTest {

    @Test
    void verifiedFingerprintsNameSharedCertificatesWithTheStatedSubject() {
        var facts = new java.util.ArrayList<HardCodedTrust.KnownCertificate>();
        facts.addAll(HardCodedTrust.APPLE_ROOTS);
        facts.addAll(HardCodedTrust.WOSIGN_STARTCOM_ROOTS);
        for (HardCodedTrust.KnownCertificate c : facts) {
            if (c.verified()) {
                String cn = c.name().replaceAll(" \\(.*\\)$", "");
                assertThat(SharedData.certificate(c.sha256Hex())
                                .getSubjectX500Principal()
                                .getName())
                        .as(c.name())
                        .contains("CN=" + cn);
            } else {
                assertThat(c.source()).as(c.name()).containsAnyOf("not verified", "NOT verified", "not established");
            }
        }
        assertThat(HardCodedTrust.WOSIGN_STARTCOM_ROOTS).hasSize(7);
    }

    @Test
    void appleRootsAreInTheLatestStore() {
        AppleTrustStore store = AppleTrustStores.latest();
        for (HardCodedTrust.KnownCertificate c : HardCodedTrust.APPLE_ROOTS) {
            if (c.sha256Hex() != null) {
                assertThat(store.anchor(c.sha256Hex())).as(c.name()).isPresent();
                assertThat(HardCodedTrust.isAppleRoot(Hex.decode(c.sha256Hex())))
                        .isTrue();
            }
        }
    }

    @Test
    void fingerprintLookups_matchExactlyTheListedRoots() {
        for (HardCodedTrust.KnownCertificate c : HardCodedTrust.WOSIGN_STARTCOM_ROOTS) {
            if (c.sha256Hex() != null) {
                assertThat(HardCodedTrust.isWoSignStartComRoot(Hex.decode(c.sha256Hex())))
                        .as(c.name())
                        .isTrue();
                assertThat(HardCodedTrust.isAppleRoot(Hex.decode(c.sha256Hex())))
                        .as(c.name())
                        .isFalse();
            }
        }
        byte[] other = new byte[32];
        assertThat(HardCodedTrust.isAppleRoot(other)).isFalse();
        assertThat(HardCodedTrust.isWoSignStartComRoot(other)).isFalse();
        HardCodedTrust.KnownCertificate apple = HardCodedTrust.APPLE_ROOTS.stream()
                .filter(c -> c.sha256Hex() != null)
                .findFirst()
                .orElseThrow();
        byte[] nearMiss = Hex.decode(apple.sha256Hex());
        nearMiss[31] ^= 1;
        assertThat(HardCodedTrust.isAppleRoot(nearMiss)).isFalse();
        assertThat(HardCodedTrust.isWoSignStartComRoot(Hex.decode(apple.sha256Hex())))
                .isFalse();
    }

    @Test
    void nineDistinctComodoSerials_matchedWithOrWithoutTheDerSignByte() {
        assertThat(new HashSet<>(HardCodedTrust.COMODO_2011_SERIALS)).hasSize(9);
        assertThat(HardCodedTrust.COMODO_2011_SERIALS)
                .allSatisfy(s -> assertThat(s.serialHex()).hasSize(32));
        byte[] withSign = Hex.decode("00D8F35F4EB7872B2DAB0692E315382FB0");
        assertThat(HardCodedTrust.isComodo2011Serial(withSign)).isTrue();
        assertThat(HardCodedTrust.isComodo2011Serial(Hex.decode("047ECBE9FCA55F7BD09EAE36E10CAE1E")))
                .isTrue();
        assertThat(HardCodedTrust.isComodo2011Serial(Hex.decode("047ECBE9FCA55F7BD09EAE36E10CAE1F")))
                .isFalse();
        assertThat(HardCodedTrust.isComodo2011Serial(new byte[] {0})).isFalse();
    }

    @Test
    void utnUserFirstHardwareFingerprintNamesThatCa() {
        assertThat(SharedData.certificate(HardCodedTrust.UTN_USERFIRST_HARDWARE_SHA256)
                        .getSubjectX500Principal()
                        .getName())
                .isEqualTo(HardCodedTrust.UTN_USERFIRST_HARDWARE);
    }
}
