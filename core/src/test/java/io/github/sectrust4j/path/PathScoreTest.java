package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "Consequences" of Apple's scoring (§1.5), as Apple's path-scoring tests state them. */
@ExtendWith(TestPkiExtension.class)
class PathScoreTest {

    static CandidatePath path(List<Certificate> certs, boolean anchored, boolean topSelfSigned) {
        return new CandidatePath(
                certs,
                Collections.nCopies(certs.size(), CertificateOrigin.PRESENTED),
                anchored ? Optional.of(new AnchorInfo(AnchorSource.APP, List.of())) : Optional.empty(),
                topSelfSigned,
                false,
                false,
                true,
                Map.of());
    }

    static long score(CandidatePath p, TestPki pki) {
        return PathScore.score(p, pki.now(), false, false);
    }

    @Test
    void anchoredChain_beatsAnyUnanchoredChain_evenWithSha1(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("CA", root)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate root2 = pki.root("Root 2").build();
        HeldCertificate ica2 = pki.intermediate("CA 2", root2).build();
        HeldCertificate leaf2 = pki.leaf("example.com", ica2).build();

        long anchoredSha1 = score(path(certs(leaf, ica, root), true, true), pki);
        long unanchoredSha2 = score(path(certs(leaf2, ica2, root2), false, true), pki);

        assertThat(anchoredSha1).isGreaterThan(unanchoredSha2);
    }

    @Test
    void amongSelfSignedEndings_theShorterWins_amongOthers_theLongerWins(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica1 = pki.intermediate("CA 1", root).build();
        HeldCertificate ica2 = pki.intermediate("CA 2", ica1).build();
        HeldCertificate leaf = pki.leaf("example.com", ica2).build();

        assertThat(score(path(certs(leaf, ica2, ica1, root), true, true), pki))
                .isLessThan(score(path(certs(leaf, ica2, root), true, true), pki));
        assertThat(score(path(certs(leaf, ica2, ica1), false, false), pki))
                .isGreaterThan(score(path(certs(leaf, ica2), false, false), pki));
    }

    @Test
    void temporallyValid1024BitChain_beatsExpired2048BitChain(TestPki pki) {
        HeldCertificate root = pki.root("Root").rsa(1024).build();
        HeldCertificate leaf = pki.leaf("example.com", root).rsa(1024).build();
        HeldCertificate root2 = pki.root("Root 2").rsa(2048).build();
        HeldCertificate leaf2 = pki.leaf("example.com", root2)
                .rsa(2048)
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now().minus(Duration.ofDays(1)))
                .build();

        assertThat(score(path(certs(leaf, root), true, true), pki))
                .isGreaterThan(score(path(certs(leaf2, root2), true, true), pki));
    }

    @Test
    void sha2Chain_beatsSha1Chain_ofOtherwiseEqualStanding(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("CA", root).build();
        HeldCertificate icaSha1 = pki.crossSigned(ica, root)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        assertThat(score(path(certs(leaf, ica, root), true, true), pki))
                .isGreaterThan(score(path(certs(leaf, icaSha1, root), true, true), pki));
    }

    @Test
    void weakHashOfAnAnchoredTop_isIgnored(TestPki pki) {
        HeldCertificate root = pki.root("Root")
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();

        assertThat(PathScore.hasWeakHash(path(certs(leaf, root), true, true))).isFalse();
        assertThat(PathScore.hasWeakHash(path(certs(leaf, root), false, true))).isTrue();
    }

    @Test
    void acceptedPath_outscoresEveryRejectedPath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();
        CandidatePath p = path(certs(leaf, root), true, true);

        assertThat(PathScore.score(p, pki.now(), true, false) - PathScore.score(p, pki.now(), false, false))
                .isEqualTo(PathScore.ACCEPTED);
        assertThat(PathScore.score(p, pki.now(), false, false))
                .isEqualTo(PathScore.ANCHORED
                        + PathScore.SELF_SIGNED_TOP
                        - 2
                        + PathScore.ALL_VALID
                        + PathScore.NO_WEAK_HASH
                        + PathScore.NO_WEAK_KEY);
    }
}
