package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every real Apple root (573 .cer files) must parse, and its decoded fields must agree with the JCA's view. */
class AppleTrustStoreCorpusTest {
    /**
     * One file Apple kept in its 2015–2016 "revoked" group carries 36,972 bytes of text after the
     * certificate DER (Apple named it by the SHA-256 of the whole file). We reject trailing data.
     */
    static final String TRAILING_GARBAGE_FILE = "B68BD8A32B123AAF35D9ADACEEF7538C252681967A6F8F393792EAA288AD203A.cer";

    static List<Path> files;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.appleRoots())) {
            files = s.filter(p -> p.toString().endsWith(".cer"))
                    .filter(p -> !p.getFileName().toString().equals(TRAILING_GARBAGE_FILE))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void revokedGroupFileWithTrailingText_isRejectedPrecisely_butItsCertificatePartParses() throws IOException {
        byte[] all = Files.readAllBytes(SharedData.appleRoots().resolve(TRAILING_GARBAGE_FILE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Certificate.parse(all))
                .isInstanceOf(io.github.sectrust4j.CertificateInputException.class)
                .hasMessage(
                        "not a certificate: trailing garbage: 36972 bytes after the certificate DER (which ends at byte 1422)");
        assertThat(Certificate.parse(java.util.Arrays.copyOf(all, 1422)).isSelfIssued())
                .isTrue();
    }

    static final String CONSTRUCTED_AIA_URI_FILE =
            "E463D3D0483F5647671C90BCB83A22E7ACBCBB29712663C46916217E59B71792.cer";

    @Test
    void constructedUriInAia_makesAiaUnparseable_likeCurrentApple() throws IOException { // §2.2 UnparseableExtension
        // a VeriSign certificate encodes its OCSP URI as a constructed [6] holding an IA5String;
        // Apple's AIA parser has that leniency compiled out, so the (non-critical) AIA is unparseable
        Certificate c =
                Certificate.parse(Files.readAllBytes(SharedData.appleRoots().resolve(CONSTRUCTED_AIA_URI_FILE)));
        assertThat(c.unparseableExtensions()).containsExactly("1.3.6.1.5.5.7.1.1");
        assertThat(c.authorityInfoAccess()).isEmpty();
    }

    @Test
    void corpusIsPresent() {
        assertThat(files).hasSize(572);
    }

    @Test
    void everyAppleRootParses_andItsFileNameIsItsSha256() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                Certificate c = Certificate.parse(Files.readAllBytes(f));
                String expected = f.getFileName().toString().replace(".cer", "").toLowerCase(Locale.ROOT);
                if (!c.sha256Hex().equals(expected)) {
                    failures.add(f.getFileName() + ": sha256 " + c.sha256Hex());
                }
            } catch (RuntimeException e) {
                failures.add(f.getFileName() + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void decodedFieldsAgreeWithJca() throws Exception {
        java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
        for (Path f : files) {
            byte[] der = Files.readAllBytes(f);
            Certificate c = Certificate.parse(der);
            java.security.cert.X509Certificate x =
                    (java.security.cert.X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(der));
            assertThat(c.notBefore())
                    .as(f.toString())
                    .isEqualTo(x.getNotBefore().toInstant());
            assertThat(c.notAfter()).as(f.toString()).isEqualTo(x.getNotAfter().toInstant());
            assertThat(c.serialNumber()).as(f.toString()).isEqualTo(x.getSerialNumber());
            assertThat(c.version()).as(f.toString()).isEqualTo(x.getVersion());
            assertThat(c.subject().der())
                    .as(f.toString())
                    .isEqualTo(x.getSubjectX500Principal().getEncoded());
            assertThat(c.publicKey().spkiDer())
                    .as(f.toString())
                    .isEqualTo(x.getPublicKey().getEncoded());
            assertThat(c.tbsDer()).as(f.toString()).isEqualTo(x.getTBSCertificate());
            assertThat(c.basicConstraints().map(BasicConstraints::ca).orElse(false))
                    .as(f.toString())
                    .isEqualTo(x.getBasicConstraints() >= 0);
            if (c.publicKey().algorithm() == KeyAlgorithm.RSA) {
                assertThat(c.publicKey().bits())
                        .isEqualTo(((java.security.interfaces.RSAPublicKey) x.getPublicKey())
                                .getModulus()
                                .bitLength());
            }
        }
    }

    @Test
    void selfIssuedFollowsNameEquality_andKeysAndExtensionsAreClassified() throws IOException {
        int selfIssued = 0;
        int selfIssuedOnlyAfterNormalization = 0;
        java.util.Map<String, Integer> unknownCritical = new java.util.TreeMap<>();
        java.util.Map<String, Integer> keys = new java.util.TreeMap<>();
        java.util.Map<SignatureHash, Integer> hashes = new java.util.TreeMap<>();
        for (Path f : files) {
            Certificate c = Certificate.parse(Files.readAllBytes(f));
            boolean sameDer =
                    java.util.Arrays.equals(c.subject().der(), c.issuer().der());
            if (sameDer) {
                // byte-equal names are always equal after normalization
                assertThat(c.isSelfIssued()).as(f.toString()).isTrue();
            }
            if (c.isSelfIssued()) {
                selfIssued++;
                if (!sameDer) {
                    selfIssuedOnlyAfterNormalization++;
                }
            }
            c.unknownCriticalExtensions().forEach(o -> unknownCritical.merge(o, 1, Integer::sum));
            keys.merge(c.publicKey().toString(), 1, Integer::sum);
            hashes.merge(c.signatureHash(), 1, Integer::sum);
            assertThat(c.publicKey().algorithm()).as(f.toString()).isIn(KeyAlgorithm.RSA, KeyAlgorithm.EC);
            assertThat(c.duplicateExtensions()).as(f.toString()).isEmpty();
            if (!f.getFileName().toString().equals(CONSTRUCTED_AIA_URI_FILE)) {
                assertThat(c.unparseableExtensions()).as(f.toString()).isEmpty();
            }
        }
        System.out.println("apple corpus: " + files.size() + " certificates, self-issued " + selfIssued
                + " (" + selfIssuedOnlyAfterNormalization + " only after normalization), unknown critical "
                + unknownCritical + ", keys " + keys + ", hashes " + hashes);
        assertThat(selfIssued).isGreaterThan(300);
    }
}
