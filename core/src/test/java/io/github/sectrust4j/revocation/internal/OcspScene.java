package io.github.sectrust4j.revocation.internal;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder;
import java.time.Instant;

/**
 * An issuing CA, its leaf and a proper delegated responder (id-kp-OCSPSigning, digitalSignature,
 * not a CA, id-pkix-ocsp-nocheck), all minted with the shared test fixtures. Every scene made from
 * one {@link TestPki} gets fresh keys.
 */
final class OcspScene {
    static final TestPki PKI = TestPki.seeded(9_4);
    /** The current clock of the tests: the fixtures' default "now". */
    static final Instant NOW = PKI.now();

    final HeldCertificate issuer;
    final HeldCertificate leaf;
    final HeldCertificate responder;

    OcspScene() {
        issuer = PKI.root("Test Issuing CA").build();
        leaf = PKI.leaf("leaf.example", issuer).build();
        responder = PKI.ocspResponder("Test OCSP Responder", issuer)
                .extension(OcspResponseValidator.OCSP_NO_CHECK.getId(), false, new byte[] {0x05, 0x00})
                .build(); // DER NULL
    }

    OcspTarget target() {
        return OcspTarget.of(leaf.der(), issuer.der());
    }

    /** A response about the leaf, by default good and signed by the issuer. */
    OcspResponseBuilder response() {
        return PKI.ocsp(leaf, issuer);
    }
}
