package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CandidatePath#selfSignedAt}: the one "self-signed" rule every check and the revocation pass read. */
@ExtendWith(TestPkiExtension.class)
class CandidatePathTest {

    private static CandidatePath path(List<Certificate> certs, boolean topSelfSigned, boolean verified) {
        return new CandidatePath(
                certs,
                Collections.nCopies(certs.size(), CertificateOrigin.PRESENTED),
                Optional.empty(),
                topSelfSigned,
                false,
                false,
                verified,
                Map.of());
    }

    @Test
    void reissuedRootBelowTheOriginal_isSelfSigned_onlyOnAVerifiedPath(TestPki pki) {
        HeldCertificate root = pki.root("Tailspin Root").build();
        // the same root re-issued (new serial, same name and key), signed by the original's key
        HeldCertificate reissued = pki.root("Tailspin Root").sameKeyAs(root).build();
        HeldCertificate leaf = pki.leaf("www.tailspin.com", reissued).build();
        List<Certificate> certs = certs(leaf, reissued, root);

        assertThat(path(certs, true, true).selfSignedAt(1)).isTrue();
        assertThat(path(certs, true, false).selfSignedAt(1))
                .as("scored partial path: links unverified")
                .isFalse();
        // the top keeps the builder's own verified answer either way
        assertThat(path(certs, true, false).selfSignedAt(2)).isTrue();
        assertThat(path(certs, false, true).selfSignedAt(2)).isFalse();
        // a certificate that is not self-issued is never self-signed
        assertThat(path(certs, true, true).selfSignedAt(0)).isFalse();
    }
}
