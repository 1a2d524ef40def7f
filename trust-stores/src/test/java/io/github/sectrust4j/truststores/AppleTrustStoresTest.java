package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AppleTrustStoresTest {

    @Test
    void bundlesEveryVersionOfTheSharedData_oldestFirst() {
        List<Integer> expected = SharedData.releasesTsv().stream()
                .map(r -> Integer.parseInt(r[0]))
                .collect(Collectors.toList());
        assertThat(AppleTrustStores.versions())
                .extracting(TrustStoreVersionInfo::trustStoreVersion)
                .containsExactlyElementsOf(expected)
                .isSorted()
                .startsWith(2015032000)
                .endsWith(2025072000);
    }

    @Test
    void everyVersion_anchorsAreExactlyApplesRootsGroup_andEvCountMatchesReleasesTsv() {
        Map<Integer, Map<String, List<String>>> manifests = SharedData.groups();
        Map<Integer, Integer> evRoots = SharedData.releasesTsv().stream()
                .collect(Collectors.toMap(r -> Integer.parseInt(r[0]), r -> Integer.parseInt(r[4])));
        for (Map.Entry<Integer, Map<String, List<String>>> m : manifests.entrySet()) {
            AppleTrustStore store = AppleTrustStores.version(m.getKey());
            List<String> roots = m.getValue().get("roots");
            assertThat(store.anchors()).as("roots of %s", m.getKey()).hasSize(roots.size());
            assertThat(store.anchors().stream().map(AnchorRecord::appleId).collect(Collectors.toSet()))
                    .as("roots of %s", m.getKey())
                    .isEqualTo(new HashSet<>(roots));
            assertThat(store.info().rootsCount()).isEqualTo(roots.size());
            assertThat(store.evRootsCount()).as("EV roots of %s", m.getKey()).isEqualTo(evRoots.get(m.getKey()));
            for (Map.Entry<String, List<String>> g : m.getValue().entrySet()) {
                AnchorGroup group = AnchorGroup.fromFolder(g.getKey());
                assertThat(store.members(group).stream()
                                .map(AnchorRecord::appleId)
                                .collect(Collectors.toSet()))
                        .as("%s of %s", g.getKey(), m.getKey())
                        .isEqualTo(new HashSet<>(g.getValue()));
            }
        }
    }

    @Test
    void versionsIndexAgreesWithTheLoadedStores() {
        for (TrustStoreVersionInfo info : AppleTrustStores.versions()) {
            assertThat(AppleTrustStores.version(info.trustStoreVersion()).info())
                    .isEqualTo(info);
            assertThat(info.iosReleases())
                    .as("iOS releases of %s", info.trustStoreVersion())
                    .isNotEmpty();
        }
    }

    @Test
    void storesAreCachedAndSharedAnchorsAreOneInstance() {
        AppleTrustStore a = AppleTrustStores.version(2024040500);
        AppleTrustStore b = AppleTrustStores.version(2024051500);
        assertThat(AppleTrustStores.version(2024040500)).isSameAs(a);
        AnchorRecord shared = a.anchors().get(0);
        assertThat(b.certificate(shared.sha256())).isPresent().get().isSameAs(shared);
    }

    @Test
    void latestIsTheIos26Store_andForIosPicksTheMappedVersion() {
        assertThat(AppleTrustStores.latest().version()).isEqualTo(2025072000);
        assertThat(AppleTrustStores.latest().anchors()).hasSize(156);
        assertThat(AppleTrustStores.forIos("17.3").version()).isEqualTo(2023071300);
        assertThat(AppleTrustStores.forIos("17.4").version()).isEqualTo(2024013100);
        assertThat(AppleTrustStores.forIos("18.4").version()).isEqualTo(2025022600);
        assertThat(AppleTrustStores.forIos("17.4").iosReleases()).containsExactly("17.4");
        assertThat(AppleTrustStores.forIos("17.4").sourceRelease()).isEqualTo("security_certificates-55297.100.4");
    }

    @Test
    void assetBuildNumberResolvesToItsBaseStore_unknownVersionIsAClearError() {
        assertThat(AppleTrustStores.version(2024051501).version()).isEqualTo(2024051500);
        assertThatThrownBy(() -> AppleTrustStores.version(2019010100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2015032000")
                .hasMessageContaining("2025072000");
    }

    @Test
    void everyAnchorIsFoundByItsFingerprintSubjectAndKeyIdentifier_inEveryVersion() {
        for (TrustStoreVersionInfo info : AppleTrustStores.versions()) {
            AppleTrustStore store = AppleTrustStores.version(info.trustStoreVersion());
            for (AnchorRecord r : store.anchors()) {
                assertThat(store.anchor(r.sha256())).contains(r);
                assertThat(store.anchor(r.sha256Hex().toLowerCase(Locale.ROOT))).contains(r);
                assertThat(store.anchorsBySubject(r.subject())).contains(r);
                if (r.subjectKeyIdentifier() != null) {
                    assertThat(store.anchorsByKeyId(r.subjectKeyIdentifier())).contains(r);
                }
                assertThat(store.groups(r.sha256())).contains(AnchorGroup.ROOTS);
            }
        }
    }

    @Test
    void lookupsMissCleanly() {
        AppleTrustStore store = AppleTrustStores.latest();
        assertThat(store.anchor(new byte[32])).isEmpty();
        assertThat(store.anchorsBySubject(new byte[] {0x30, 0x00})).isEmpty();
        assertThat(store.anchorsByKeyId(new byte[20])).isEmpty();
        assertThat(store.groups(new byte[32])).isEmpty();
        assertThat(store.group(new byte[32])).isEmpty();
        assertThat(store.isTrustedForSsl(new byte[32])).isFalse();
        assertThatThrownBy(() -> store.anchor("not hex")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anchorFacts_agreeWithTheJdkCertificateParser_forEveryPooledCertificate() throws Exception {
        Set<AnchorRecord> all = new HashSet<>();
        for (TrustStoreVersionInfo info : AppleTrustStores.versions()) {
            AppleTrustStore s = AppleTrustStores.version(info.trustStoreVersion());
            for (AnchorGroup g : AnchorGroup.values()) {
                all.addAll(s.members(g));
            }
        }
        assertThat(all).hasSizeGreaterThan(500);
        for (AnchorRecord r : all) {
            X509Certificate c = SharedData.certificate(r.appleId());
            String what = r.subjectString();
            assertThat(r.subject())
                    .as(what)
                    .isEqualTo(c.getSubjectX500Principal().getEncoded());
            assertThat(r.issuer()).as(what).isEqualTo(c.getIssuerX500Principal().getEncoded());
            assertThat(new java.math.BigInteger(r.serialNumber())).as(what).isEqualTo(c.getSerialNumber());
            assertThat(r.notBefore()).as(what).isEqualTo(c.getNotBefore().toInstant());
            assertThat(r.notAfter()).as(what).isEqualTo(c.getNotAfter().toInstant());
            assertThat(r.certificateVersion()).as(what).isEqualTo(c.getVersion());
            assertThat(r.signatureAlgorithm()).as(what).isEqualTo(c.getSigAlgOID());
            assertThat(r.sha1())
                    .as(what)
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
            int bc = c.getBasicConstraints();
            if (r.basicConstraints() != null && r.basicConstraints().ca()) {
                assertThat(bc)
                        .as(what)
                        .isEqualTo(
                                r.basicConstraints().hasPathLenConstraint()
                                        ? r.basicConstraints().pathLenConstraint()
                                        : Integer.MAX_VALUE);
            } else {
                assertThat(bc).as(what).isEqualTo(-1);
            }
            boolean[] ku = c.getKeyUsage();
            if (ku == null) {
                assertThat(r.keyUsage()).as(what).isEqualTo(-1);
            } else {
                for (int i = 0; i < 9; i++) {
                    assertThat(r.hasKeyUsage(i)).as(what + " KU bit " + i).isEqualTo(i < ku.length && ku[i]);
                }
            }
            byte[] ski = c.getExtensionValue("2.5.29.14");
            assertThat(r.subjectKeyIdentifier() != null).as(what).isEqualTo(ski != null);
            if (ski != null) {
                // OCTET STRING (extnValue) wrapping OCTET STRING (keyIdentifier)
                assertThat(ski).as(what).endsWith(r.subjectKeyIdentifier());
            }
            assertThat(r.nameConstraints() != null).as(what).isEqualTo(c.getExtensionValue("2.5.29.30") != null);
            try {
                assertThat(r.subjectPublicKeyInfo())
                        .as(what)
                        .isEqualTo(c.getPublicKey().getEncoded());
            } catch (RuntimeException unsupportedKey) {
                // JDK lacks the key algorithm; SPKI is still checked through the key hash below
            }
            assertThat(r.selfSigned()).as(what).isEqualTo(selfSigned(c));
            assertThat(r.sha256())
                    .as(what)
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        }
    }

    @Test
    void applesDigiNotarFileWithTrailingText_isKnownByItsCertificateHashAndByApplesFileName() {
        AppleTrustStore store = AppleTrustStores.version(2016060200);
        byte[] fileName = Hex.decode("B68BD8A32B123AAF35D9ADACEEF7538C252681967A6F8F393792EAA288AD203A");
        AnchorRecord r = store.certificate(fileName).orElseThrow();
        assertThat(r.subjectString()).contains("DigiNotar Root CA");
        assertThat(r.sha256Hex()).isEqualTo("0D136E439F0AB6E97F3A02A540DA9F0641AA554E1D66EA51AE2920D51B2F7217");
        assertThat(store.certificate(r.sha256())).contains(r);
        assertThat(store.groups(r.sha256())).isEqualTo(store.groups(fileName)).contains(AnchorGroup.REVOKED);
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void customAnchorsAreNotTlsTrusted_unlessTheirConstraintsListTheSslPolicy() {
        AppleTrustStore store = AppleTrustStores.latest();
        List<AnchorRecord> customOnly = new ArrayList<>();
        for (AnchorRecord r : store.members(AnchorGroup.CUSTOM)) {
            if (!store.groups(r.sha256()).contains(AnchorGroup.ROOTS)) {
                customOnly.add(r);
            }
        }
        assertThat(customOnly).hasSizeGreaterThan(100);
        for (AnchorRecord r : customOnly) {
            List<String> oids = store.constraints(AnchorGroup.CUSTOM, r.sha256());
            boolean listsSsl = oids.contains(AppleTrustStore.OID_SSL_SERVER) || oids.contains(AppleTrustStore.OID_SSL);
            assertThat(store.isTrustedForSsl(r.sha256())).as(r.subjectString()).isEqualTo(listsSsl);
        }
        for (AnchorGroup g : List.of(AnchorGroup.TEST_ROOTS, AnchorGroup.TEST_PLATFORM)) {
            for (AnchorRecord r : store.members(g)) {
                assertThat(store.isTrustedForSsl(r.sha256()))
                        .as("%s %s", g, r.subjectString())
                        .isFalse();
            }
        }
    }

    @Test
    void unconstrainedRootsAreTlsTrusted_constrainedSystemRootsOnlyWhenTheyListSsl() {
        AppleTrustStore store = AppleTrustStores.latest();
        int constrained = 0;
        for (AnchorRecord r : store.anchors()) {
            List<String> system = store.constraints(AnchorGroup.ROOTS, r.sha256());
            if (system.isEmpty()) {
                assertThat(store.isTrustedForSsl(r.sha256()))
                        .as(r.subjectString())
                        .isTrue();
            } else {
                constrained++;
                assertThat(store.isTrustedForSsl(r.sha256()))
                        .as(r.subjectString())
                        .isEqualTo(system.contains(AppleTrustStore.OID_SSL_SERVER));
            }
        }
        assertThat(constrained)
                .as("Apple Platform G1 roots with system constraints (§11.3)")
                .isEqualTo(11);
        AnchorRecord tls = store.anchor("49BACA97E0D741A4B1B695EE9BDC859F431DE9714884F674E97F43707A61F92D")
                .orElseThrow();
        assertThat(tls.subjectString()).contains("Apple Platform TLS RSA Root CA - G1");
        assertThat(store.isTrustedForSsl(tls.sha256())).isTrue();
        AnchorRecord codeSigning = store.anchor("0CB9124CADFF41D02701F59B477D71E2690B38ADD9F524C49BBED0140AD9B9EC")
                .orElseThrow();
        assertThat(store.isTrustedForSsl(codeSigning.sha256())).isFalse();
        assertThat(store.groups(tls.sha256())).containsExactlyInAnyOrder(AnchorGroup.ROOTS, AnchorGroup.PLATFORM);
    }

    @Test
    void constraintOidsAreTrimmed_evenWhereApplesDataHasAStraySpace() {
        AppleTrustStore store = AppleTrustStores.latest();
        byte[] fp = Hex.decode("FA760B953DFD935CA420BA9BAA5F07067FAD4449B5554B9418CBDD12E0A56EDA");
        assertThat(store.constraints(AnchorGroup.PLATFORM, fp))
                .contains("1.2.840.113635.100.1.18")
                .allSatisfy(oid -> assertThat(oid).isEqualTo(oid.strip()));
    }

    @Test
    void revokedAndDistrustedCertificatesAreRefused_andTheirKeysListed() throws Exception {
        int withRevoked = 0;
        for (TrustStoreVersionInfo info : AppleTrustStores.versions()) {
            AppleTrustStore store = AppleTrustStores.version(info.trustStoreVersion());
            List<AnchorRecord> revoked = store.members(AnchorGroup.REVOKED);
            Set<String> expected = new TreeSet<>();
            for (AnchorRecord r : revoked) {
                expected.add(keySha1(SharedData.certificate(r.appleId())));
                assertThat(store.isTrustedForSsl(r.sha256())).isFalse();
                assertThat(store.group(r.sha256())).contains(AnchorGroup.REVOKED);
            }
            assertThat(store.blockedKeys())
                    .as("blocked keys of %s", info.trustStoreVersion())
                    .isEqualTo(expected);
            for (String k : expected) {
                assertThat(store.isBlockedKey(Hex.decode(k))).isTrue();
            }
            Set<String> gray = new TreeSet<>();
            for (AnchorRecord r : store.members(AnchorGroup.DISTRUSTED)) {
                gray.add(keySha1(SharedData.certificate(r.appleId())));
                assertThat(store.isTrustedForSsl(r.sha256())).isFalse();
            }
            assertThat(store.grayListedKeys()).isEqualTo(gray);
            for (String k : gray) {
                assertThat(store.isGrayListedKey(Hex.decode(k))).isTrue();
            }
            // the first-byte pre-filter never changes an answer: listed keys with one byte changed, random keys
            java.util.Random rnd = new java.util.Random(info.trustStoreVersion());
            List<byte[]> probes = new java.util.ArrayList<>();
            for (String k : expected.isEmpty() ? gray : expected) {
                for (int pos : new int[] {0, 19}) {
                    byte[] b = Hex.decode(k);
                    b[pos] ^= 1;
                    probes.add(b);
                }
            }
            for (int i = 0; i < 200; i++) {
                byte[] b = new byte[20];
                rnd.nextBytes(b);
                probes.add(b);
            }
            for (byte[] b : probes) {
                assertThat(store.isBlockedKey(b)).isEqualTo(expected.contains(Hex.encode(b)));
                assertThat(store.isGrayListedKey(b)).isEqualTo(gray.contains(Hex.encode(b)));
            }
            assertThat(store.isBlockedKey(new byte[0])).isFalse();
            assertThat(store.isGrayListedKey(null)).isFalse();
            if (!revoked.isEmpty()) {
                withRevoked++;
                assertThat(store.blockedKeys()).isNotEmpty();
            }
        }
        assertThat(withRevoked).isEqualTo(29);
        assertThat(AppleTrustStores.latest().blockedKeys()).isEmpty();
        assertThat(AppleTrustStores.version(2016102100).blockedKeys()).isNotEmpty();
    }

    /** SHA-1 over the subjectPublicKey BIT STRING contents, from the JDK's SPKI encoding. */
    private static String keySha1(X509Certificate c) throws Exception {
        byte[] spki = c.getPublicKey().getEncoded();
        // the BIT STRING is the last TLV of the SPKI SEQUENCE: find it by walking the two children
        int p = 1;
        p += lenBytes(spki, p);
        int algLenPos = p + 1;
        p = algLenPos + lenBytes(spki, algLenPos) + len(spki, algLenPos);
        int bitLenPos = p + 1;
        int start = bitLenPos + lenBytes(spki, bitLenPos) + 1; // skip unused-bits byte
        byte[] bits = java.util.Arrays.copyOfRange(spki, start, spki.length);
        return Hex.encode(MessageDigest.getInstance("SHA-1").digest(bits));
    }

    private static int lenBytes(byte[] b, int pos) {
        return (b[pos] & 0x80) == 0 ? 1 : 1 + (b[pos] & 0x7F);
    }

    private static int len(byte[] b, int pos) {
        if ((b[pos] & 0x80) == 0) {
            return b[pos];
        }
        int n = 0;
        for (int i = 1; i <= (b[pos] & 0x7F); i++) {
            n = (n << 8) | (b[pos + i] & 0xFF);
        }
        return n;
    }

    @Test
    void evPoliciesComeFromTheManifest() {
        AppleTrustStore store = AppleTrustStores.latest();
        byte[] fp = Hex.decode("02ED0EB28C14DA45165C566791700D6451D7FB56F0B2AB1D3B8EB070E56EDFF5");
        assertThat(store.evPolicies(fp)).containsExactly("2.16.840.1.114028.10.1.2", "2.23.140.1.1");
        assertThat(store.evPolicies(new byte[32])).isEmpty();
    }
}
