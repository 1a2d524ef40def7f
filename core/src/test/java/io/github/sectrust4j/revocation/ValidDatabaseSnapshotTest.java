package io.github.sectrust4j.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.cert.Fingerprint;
import io.github.sectrust4j.revocation.internal.ValidContext;
import io.github.sectrust4j.revocation.internal.ValidDecision;
import io.github.sectrust4j.revocation.internal.ValidFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Valid snapshot of 2023-09 (reference/apple-trust-store/valid) answers for real
 * certificate pairs from Apple's trust-store data (reference/apple-trust-store/certs).
 */
class ValidDatabaseSnapshotTest {
    private static final HexFormat HEX = HexFormat.of();
    private static Path store;
    private static ValidDatabase db;

    @BeforeAll
    static void open() {
        store = SharedData.appleTrustStore();
        db = ValidDatabase.open(store.resolve("valid/valid-snapshot-2023-09.sqlite3"));
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    private static byte[] cert(String sha256Prefix) throws IOException {
        try (var files = Files.list(store.resolve("certs"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(sha256Prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no certificate " + sha256Prefix + " in reference/"));
            return Files.readAllBytes(file);
        }
    }

    private static Optional<ValidInfo> lookup(String certPrefix, String issuerPrefix) throws IOException {
        return db.lookup(ValidQuery.of(cert(certPrefix), cert(issuerPrefix)));
    }

    @Test
    void snapshotVersion_matchesItsValidUpdatePlist() {
        ValidUpdateInfo update = ValidUpdateInfo.read(store.resolve("valid/ValidUpdate-2023-09.plist"));
        assertThat(update).isEqualTo(new ValidUpdateInfo(18, 5, 3));
        assertThat(db.version()).hasValue(update.version());
    }

    /**
     * "Certum Trusted Network CA 2" cross-certificate (SHA-256 9F8B0513…, serial 00B85914…) issued by
     * the Certum root B676F2ED…: the root's group (86) is a complete serial block list and holds that
     * serial — a real revoked entry, found from the certificates' own bytes.
     */
    @Test
    void certumCrossCertificate_isDefinitelyRevoked_andDecidesRevocationReasonZero() throws IOException {
        ValidInfo info = lookup("9F8B05137F20ACDE9B99", "B676F2EDDAE8775CD36C").orElseThrow();
        assertThat(info.group().id()).isEqualTo(86);
        assertThat(info.group().format()).isEqualTo(ValidFormat.SERIAL);
        assertThat(info.group().flags()).containsExactly(ValidFlag.COMPLETE);
        assertThat(info.onList()).isTrue();
        assertThat(info.revoked()).isTrue();
        assertThat(info.definitive()).isTrue();

        X509CertificateHolder cert = new X509CertificateHolder(cert("9F8B05137F20ACDE9B99"));
        ValidDecision decision = ValidDecision.decide(
                1,
                info,
                cert.getNotBefore().toInstant(),
                ValidContext.sslServer(Instant.parse("2023-10-01T00:00:00Z")));
        assertThat(decision.failures(false)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.REVOCATION);
            assertThat(f.severity()).isEqualTo(Severity.FATAL);
            assertThat(f.reason()).hasValue(0);
        });
    }

    /** "GTS Root R1" cross-signed by GlobalSign (2A575471…): complete block list of group 398, not on it. */
    @Test
    void gtsRootR1CrossCertificate_isDefinitelyNotRevoked() throws IOException {
        ValidInfo info = lookup("D947432ABDE7B7FA90FC", "2A575471E31340BC2158").orElseThrow();
        assertThat(info.group().id()).isEqualTo(398);
        assertThat(info.onList()).isFalse();
        assertThat(info.revoked()).isFalse();
        assertThat(info.definitive()).isTrue();
        ValidDecision decision = ValidDecision.decide(
                1,
                info,
                Instant.parse("2020-06-19T00:00:00Z"),
                ValidContext.sslServer(Instant.parse("2023-10-01T00:00:00Z")));
        assertThat(decision.failures(false)).isEmpty();
        assertThat(decision.triggerOcsp()).isFalse();
    }

    /**
     * StartCom: group 162 is a complete no-ca-v2 SHA-256 allow list (flags 0x435) with
     * known-intermediates-only; the StartCom cross-certificate E17890EE… is not on it → immediate
     * BlackListedLeaf, no OCSP (the StartCom distrust).
     */
    @Test
    void startComCrossCertificate_isBlackListedByANoCaV2AllowList() throws IOException {
        ValidInfo info = lookup("E17890EE09A3FBF4F48B", "C766A9BEF2D4071C863A").orElseThrow();
        assertThat(info.group().id()).isEqualTo(162);
        assertThat(info.group().format()).isEqualTo(ValidFormat.SHA256);
        assertThat(ValidFlag.toBits(info.group().flags())).isEqualTo(0x435);
        assertThat(info.revoked()).isTrue();
        ValidDecision decision = ValidDecision.decide(
                1,
                info,
                Instant.parse("2010-01-01T00:00:00Z"),
                ValidContext.sslServer(Instant.parse("2023-10-01T00:00:00Z")));
        assertThat(decision.immediate()).extracting(ValidFailure::code).containsExactly(FindingCode.BLACK_LISTED_LEAF);
        assertThat(decision.triggerOcsp()).isFalse();
    }

    /**
     * Format 3: the Trustwave subordinate CA 77DECE80… is in Apple's 2015 "revoked" certificate group;
     * its serial 4190ABBC hits the filter of its issuer's group 1917 (4 seeds, 15.7 % of bits set, so
     * a chance hit has probability ≈ 0.06 %). This is the evidence that the filter hashing is
     * implemented right. A hit is still only "possibly on the list": not definitive, OCSP is switched on.
     */
    @Test
    void trustwaveRevokedSubCa_hitsTheFormat3Filter_notDefinitive() throws IOException {
        ValidInfo info = lookup("77DECE8000964A74AEED", "CECDDC905099D8DADFC5").orElseThrow();
        assertThat(info.group().id()).isEqualTo(1917);
        assertThat(info.group().format()).isEqualTo(ValidFormat.FILTER);
        assertThat(info.group().filter().orElseThrow().seedCount()).isEqualTo(4);
        assertThat(info.onList()).isTrue();
        assertThat(info.definitive()).isFalse();
        ValidDecision decision = ValidDecision.decide(
                1,
                info,
                Instant.parse("2012-01-01T00:00:00Z"),
                ValidContext.sslServer(Instant.parse("2023-10-01T00:00:00Z")));
        assertThat(decision.triggerOcsp()).isTrue();
        assertThat(decision.failures(false)).isEmpty();
    }

    /** A serial taken from the database itself, as an (issuer hash, serial) pair without certificates. */
    @Test
    void issuerHashAndSerialFromTheDatabase_areOnTheList_aNeighbouringSerialIsNot() {
        byte[] issuer = HEX.parseHex("b676f2eddae8775cd36cb0f63cd1d4603961f49e6265ba013a2f0307b6d0b804");
        byte[] serial = HEX.parseHex("00b85914713f57df8f31c0333dd2d6197a2317b4eb");
        assertThat(db.lookup(ValidQuery.of(issuer, serial, Optional.empty())))
                .hasValueSatisfying(info -> assertThat(info.revoked()).isTrue());
        byte[] neighbour = serial.clone();
        neighbour[neighbour.length - 1] ^= 1;
        assertThat(db.lookup(ValidQuery.of(issuer, neighbour, Optional.empty())))
                .hasValueSatisfying(info -> assertThat(info.revoked()).isFalse());
    }

    @Test
    void unknownIssuer_hasNoInformation() {
        assertThat(db.lookup(ValidQuery.of(new byte[32], new byte[] {1}, Optional.empty())))
                .isEmpty();
    }

    @Test
    void dateAndPolicyConstraintGroups_areReadWithCfAbsoluteTimeDates() throws IOException {
        byte[] issuer = Fingerprint.sha256Of(cert("0753E940378C1BD5E383")).bytes();
        ValidGroup dated = db.groupForIssuer(issuer).orElseThrow();
        assertThat(dated.id()).isEqualTo(74);
        assertThat(dated.flags()).containsExactlyInAnyOrder(ValidFlag.COMPLETE, ValidFlag.DATE_CONSTRAINTS);
        // 691545600 s after 2001-01-01T00:00:00Z
        assertThat(dated.notAfter()).contains(Instant.parse("2022-12-01T00:00:00Z"));
        assertThat(dated.notBefore()).contains(Instant.parse("1901-01-01T00:00:00Z"));

        byte[] policyIssuer = Fingerprint.sha256Of(cert("063E4AFAC491DFD3")).bytes();
        ValidGroup constrained = db.groupForIssuer(policyIssuer).orElseThrow();
        assertThat(constrained.id()).isEqualTo(63);
        assertThat(constrained.allowedPolicies())
                .contains(List.of(
                        ValidPolicy.CLIENT_AUTHENTICATION,
                        ValidPolicy.EMAIL_PROTECTION,
                        ValidPolicy.CODE_SIGNING,
                        ValidPolicy.TIME_STAMPING));
        ValidDecision decision = ValidDecision.decide(
                1,
                new ValidInfo(constrained, true),
                Instant.parse("2020-01-01T00:00:00Z"),
                ValidContext.sslServer(Instant.parse("2023-10-01T00:00:00Z")));
        assertThat(decision.immediate()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ISSUER_POLICY_CONSTRAINTS);
            assertThat(f.severity()).isEqualTo(Severity.RECOVERABLE); // group 63 is overridable (0x250)
        });
    }

    @Test
    void concurrentLookups_fromOneInstance_agree() throws Exception {
        byte[] cert = cert("9F8B05137F20ACDE9B99");
        byte[] issuer = cert("B676F2EDDAE8775CD36C");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(
                    64,
                    () -> db.lookup(ValidQuery.of(cert, issuer)).orElseThrow().revoked()));
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
