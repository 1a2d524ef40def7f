package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.path.TestRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's "trust this certificate anyway" exceptions (§12.4): what {@code SecTrustCopyExceptions}
 * records, what {@code SecTrustSetExceptions} keeps, which failures they suppress (Recoverable only, per
 * certificate SHA-1 and check name), the iOS 10 client-side rule, and Apple's property-list form.
 */
class TrustExceptionsTest {
    private static final String PORTAL = "portal.contoso.com";

    private static TestPki pki;
    private static Instant now;
    private static HeldCertificate root;
    private static HeldCertificate issuing;
    private static HeldCertificate portal;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(20261122);
        now = pki.now();
        TestChain chain = pki.chain(PORTAL); // root → issuing CA → leaf
        root = chain.root();
        issuing = chain.intermediate();
        portal = chain.leaf();
    }

    // ---- the classic case: Mail's "Continue" on an internal CA nobody installed ----

    @Test
    void copiedExceptions_nameTheLeafAndTheFailingRoot_andMakeTheChainProceed() {
        SecTrust device = ios("17.4", PORTAL);
        List<Certificate> chain = chain(portal, issuing, root);
        assertThat(device.evaluate(chain).failures())
                .extracting(Finding::code)
                .containsExactly(FindingCode.ANCHOR_TRUSTED);

        TrustExceptions ex = device.copyExceptions(chain);

        assertThat(ex.entries()).hasSize(3);
        assertThat(ex.entries().get(0).sha1Hex()).isEqualTo(sha1Hex(portal));
        assertThat(ex.entries().get(0).checks()).isEmpty();
        assertThat(ex.entries().get(1).sha1()).isEmpty(); // no failure at the issuing CA: an empty dictionary
        assertThat(ex.entries().get(2).sha1Hex()).isEqualTo(sha1Hex(root));
        assertThat(ex.entries().get(2).checks()).containsExactly("AnchorTrusted");

        TrustReport accepted = device.withExceptions(ex).evaluate(chain);
        assertThat(accepted.trusted()).as("failures %s", accepted.failures()).isTrue();
        assertThat(accepted.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(accepted.error()).isEmpty();
        Finding excepted = only(accepted, FindingCode.ANCHOR_TRUSTED);
        assertThat(excepted.severity()).isEqualTo(Severity.INFO);
        assertThat(excepted.certificateIndex()).isEqualTo(2);
        assertThat(excepted.evidence()).containsEntry("suppressedByException", true);
        assertThat(excepted.message()).contains("exception");
        assertThat(excepted.rule().section()).isEqualTo("§12.4");
        // the exception is the device's, not the server's fix
        assertThat(excepted.remedy()).contains("other devices still fail").contains("full trust");
        assertThat(accepted.explain()).startsWith("TRUSTED ONLY BY THE USER'S EXCEPTION");
        assertThat(device.withExceptions(ex).evaluate(chain(portal, issuing)).explain())
                .as("another chain")
                .startsWith("NOT TRUSTED");
    }

    @Test
    void aSelfIssuedLeafWithoutAnyIssuer_isTrustedOnlyWithTheException() {
        HeldCertificate nas =
                pki.root("nas.contoso.lan").dnsNames("nas.contoso.lan").build();
        SecTrust device = ios("18.0", "nas.contoso.lan");
        List<Certificate> chain = chain(nas);
        TrustReport plain = device.evaluate(chain);
        assertThat(plain.trusted()).isFalse();

        TrustReport accepted =
                device.withExceptions(device.copyExceptions(chain)).evaluate(chain);

        // the path is not anchored: only the excepted "not anchored" failure lets it through (no internal error)
        assertThat(accepted.trusted()).as("failures %s", accepted.failures()).isTrue();
        assertThat(accepted.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(accepted.path()).hasSize(1);
        assertThat(accepted.findings())
                .filteredOn(f -> f.evidence().containsKey("suppressedByException"))
                .extracting(Finding::code)
                .containsAnyOf(FindingCode.ANCHOR_TRUSTED, FindingCode.MISSING_INTERMEDIATE);
    }

    @Test
    void hostNameException_coversTheCheck_notTheCertificateOfAnotherServer() {
        SecTrust mail = ios("17.4", "mail.contoso.com").withAnchors(List.of(cert(root)));
        List<Certificate> chain = chain(portal, issuing);
        TrustExceptions ex = mail.copyExceptions(chain);
        assertThat(ex.entries()).hasSize(1);
        assertThat(ex.entries().get(0).checks()).containsExactly("SSLHostname");

        TrustReport accepted = mail.withExceptions(ex).evaluate(chain);
        assertThat(accepted.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(only(accepted, FindingCode.SSL_HOSTNAME).severity()).isEqualTo(Severity.INFO);

        // the server's certificate was renewed: same name, new certificate — the exception is not kept
        HeldCertificate renewed = pki.leaf(PORTAL, issuing).build();
        TrustReport afterRenewal = mail.withExceptions(ex).evaluate(chain(renewed, issuing));
        assertThat(afterRenewal.trusted()).isFalse();
        assertThat(afterRenewal.failures()).extracting(Finding::code).containsExactly(FindingCode.SSL_HOSTNAME);
        Finding ignored = only(afterRenewal, FindingCode.USER_EXCEPTIONS);
        assertThat(ignored.severity()).isEqualTo(Severity.INFO);
        assertThat(ignored.evidence())
                .containsEntry("reason", "otherLeaf")
                .containsEntry("exceptionLeafSha1", sha1Hex(portal));
        assertThat(ignored.remedy()).contains("accept the new certificate again");
    }

    @Test
    void fatalFailures_areRecordedInTheExceptions_butNeverExcepted() {
        // a revoked leaf (stapled OCSP: Revocation is Fatal) reached under the wrong name (SSLHostname: Recoverable)
        byte[] revoked = pki.ocsp(portal, issuing)
                .revoked(now.minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE)
                .build();
        SecTrust device =
                ios("17.4", "mail.contoso.com").withAnchors(List.of(cert(root))).withStapledOcsp(revoked);
        List<Certificate> chain = chain(portal, issuing);
        TrustReport plain = device.evaluate(chain);
        assertThat(plain.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(plain.failures())
                .extracting(Finding::code)
                .contains(FindingCode.REVOCATION, FindingCode.SSL_HOSTNAME);

        TrustExceptions ex = device.copyExceptions(chain);
        assertThat(ex.entries().get(0).checks()).contains("Revocation", "SSLHostname");
        TrustReport withEx = device.withExceptions(ex).evaluate(chain);

        assertThat(withEx.trusted()).isFalse();
        assertThat(withEx.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(withEx.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(withEx.failures()).extracting(Finding::code).containsExactly(FindingCode.REVOCATION);
        assertThat(only(withEx, FindingCode.SSL_HOSTNAME).evidence()).containsEntry("suppressedByException", true);
    }

    @Test
    void anotherCertificateAtTheExceptedIndex_defeatsTheException() {
        Instant past = now.minus(Duration.ofDays(400));
        HeldCertificate expiredCa = pki.intermediate("Contoso Issuing CA 2", root)
                .validity(past, now.minus(Duration.ofDays(1)))
                .build();
        HeldCertificate sameKeyOtherSerial = pki.intermediate("Contoso Issuing CA 2", root)
                .sameKeyAs(expiredCa)
                .validity(past, now.minus(Duration.ofDays(2)))
                .build();
        HeldCertificate leaf = pki.leaf(PORTAL, expiredCa)
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(60)))
                .build();
        SecTrust device = ios("17.4", PORTAL).withAnchors(List.of(cert(root)));
        List<Certificate> first = chain(leaf, expiredCa);
        TrustReport plain = device.evaluate(first);
        assertThat(plain.failures()).isNotEmpty().allMatch(f -> f.certificateIndex() == 1);
        TrustExceptions ex = device.copyExceptions(first);
        assertThat(device.withExceptions(ex).evaluate(first).trusted()).isTrue();

        TrustReport other = device.withExceptions(ex).evaluate(chain(leaf, sameKeyOtherSerial));

        assertThat(other.trusted()).isFalse();
        assertThat(other.failures())
                .extracting(Finding::code)
                .containsExactlyElementsOf(
                        plain.failures().stream().map(Finding::code).toList());
        assertThat(other.has(FindingCode.USER_EXCEPTIONS))
                .as("kept: entry 0 is this leaf")
                .isFalse();
    }

    @Test
    void exceptionEpoch_onlyExceptionsOfTheCurrentEpochAreKept() {
        SecTrust device = ios("17.4", PORTAL);
        List<Certificate> chain = chain(portal, issuing, root);
        TrustExceptions epoch0 = device.copyExceptions(chain);
        assertThat(epoch0.entries().get(0).resetCount()).isEmpty();

        TrustReport afterReset = device.withExceptions(epoch0, 3).evaluate(chain);
        assertThat(afterReset.trusted()).isFalse();
        assertThat(only(afterReset, FindingCode.USER_EXCEPTIONS).evidence()).containsEntry("reason", "otherEpoch");

        TrustExceptions epoch3 = device.withExceptionEpoch(3).copyExceptions(chain);
        assertThat(epoch3.entries().get(0).resetCount()).hasValue(3);
        assertThat(epoch3.entries().get(2).resetCount()).hasValue(3);
        assertThat(epoch3.entries().get(1).resetCount()).isEmpty(); // empty positions stay empty
        assertThat(device.withExceptions(epoch3, 3).evaluate(chain).result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(device.withExceptions(epoch3, 4).evaluate(chain).trusted()).isFalse();
        // a device that never reset (epoch 0) keeps exceptions whatever epoch they carry
        assertThat(device.withExceptions(epoch3).evaluate(chain).trusted()).isTrue();
        assertThatThrownBy(() -> device.withExceptionEpoch(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialExceptions_iOS11AndLaterSuppressWhatTheyName_iOS10AllOrNothing() {
        HeldCertificate expiredWrongName = pki.leaf("old.contoso.com", issuing)
                .validity(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(1)))
                .build();
        List<Certificate> chain = chain(expiredWrongName, issuing);
        TrustExceptions hostOnly = TrustExceptions.of(
                List.of(TrustExceptions.Entry.of(chain.get(0), Set.of(FindingCode.SSL_HOSTNAME.code()))));

        SecTrust ios12 = ios("12.0", PORTAL).withAnchors(List.of(cert(root)));
        TrustReport r12 = ios12.withExceptions(hostOnly).evaluate(chain);
        assertThat(r12.trusted()).isFalse();
        assertThat(r12.failures())
                .extracting(Finding::code)
                .doesNotContain(FindingCode.SSL_HOSTNAME)
                .isNotEmpty();
        assertThat(only(r12, FindingCode.SSL_HOSTNAME).evidence()).containsEntry("suppressedByException", true);

        SecTrust ios10 = ios("10.3", PORTAL).withAnchors(List.of(cert(root)));
        TrustReport plain10 = ios10.evaluate(chain);
        TrustReport r10 = ios10.withExceptions(hostOnly).evaluate(chain);
        assertThat(r10.trusted()).isFalse();
        assertThat(r10.failures())
                .extracting(Finding::code)
                .containsExactlyElementsOf(
                        plain10.failures().stream().map(Finding::code).toList())
                .contains(FindingCode.SSL_HOSTNAME);

        // with every failure named, iOS 10's client turns the Recoverable result into Proceed
        TrustExceptions all = ios10.copyExceptions(chain);
        TrustReport all10 = ios10.withExceptions(all).evaluate(chain);
        assertThat(all10.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(all10.failures()).isEmpty();
    }

    @Test
    void aTrustedChainWithExceptionsSet_reportsProceedInsteadOfUnspecified() {
        SecTrust device = ios("17.4", PORTAL).withAnchors(List.of(cert(root)));
        List<Certificate> chain = chain(portal, issuing);
        assertThat(device.evaluate(chain).result()).isEqualTo(SecTrustResult.UNSPECIFIED);
        TrustExceptions ex = device.copyExceptions(chain);
        assertThat(ex.entries()).hasSize(1);
        assertThat(ex.entries().get(0).checks()).isEmpty();

        assertThat(device.withExceptions(ex).evaluate(chain).result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(ios("10.3", PORTAL)
                        .withAnchors(List.of(cert(root)))
                        .withExceptions(ex)
                        .evaluate(chain)
                        .result())
                .isEqualTo(SecTrustResult.PROCEED);
    }

    // ---- Apple's property-list form ----

    @Test
    void plist_roundTrips_andReadsApplesXmlForm() {
        SecTrust device = ios("17.4", PORTAL);
        List<Certificate> chain = chain(portal, issuing, root);
        TrustExceptions ex = device.withExceptionEpoch(7).copyExceptions(chain);

        byte[] plist = ex.toPlist();
        assertThat(new String(plist, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("bplist00");
        assertThat(TrustExceptions.fromPlist(plist)).isEqualTo(ex);

        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><array>"
                + "<dict><key>SHA1Digest</key><data>"
                + java.util.Base64.getEncoder().encodeToString(cert(portal).sha1())
                + "</data><key>SSLHostname</key><false/><key>TemporalValidity</key><true/></dict>"
                + "<dict/></array></plist>";
        TrustExceptions fromXml = TrustExceptions.fromPlist(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(fromXml.entries()).hasSize(1); // the trailing empty dictionary is dropped, as Apple does
        // only a failure's recorded value (false) can match: TemporalValidity=true excepts nothing
        assertThat(fromXml.entries().get(0).checks()).containsExactly("SSLHostname");
        assertThat(fromXml.installableFor(cert(portal), 0)).isTrue();
        assertThat(fromXml.installableFor(cert(issuing), 0)).isFalse();
    }

    @Test
    void theFixturesPlistOfAUserWhoTappedContinue_isWhatCopyExceptionsMakes() {
        List<Certificate> chain = chain(portal, issuing, root);
        TrustExceptions copied = ios("17.4", PORTAL).copyExceptions(chain);
        byte[] fromFixtures = io.github.sectrust4j.fixtures.profile.UserExceptions.builder()
                .accept(portal)
                .emptyPosition()
                .accept(root, "AnchorTrusted")
                .toPlist();

        assertThat(TrustExceptions.fromPlist(fromFixtures)).isEqualTo(copied);
    }

    @Test
    void plist_garbage_isAClearError() {
        assertThatThrownBy(() -> TrustExceptions.fromPlist("not a plist".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exceptions: ");
        assertThatThrownBy(
                        () -> TrustExceptions.fromPlist(new byte[] {'b', 'p', 'l', 'i', 's', 't', '0', '0', 1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exceptions: ");
        String dictRoot = "<plist version=\"1.0\"><dict/></plist>";
        assertThatThrownBy(() -> TrustExceptions.fromPlist(dictRoot.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
        String shortDigest =
                "<plist version=\"1.0\"><array><dict><key>SHA1Digest</key><data>AAEC</data></dict></array></plist>";
        assertThatThrownBy(() -> TrustExceptions.fromPlist(shortDigest.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 bytes");
        String notDict = "<plist version=\"1.0\"><array><string>x</string></array></plist>";
        assertThatThrownBy(() -> TrustExceptions.fromPlist(notDict.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 0");
    }

    /** A valid exceptions plist, built at class initialization (jqwik does not run JUnit's @BeforeAll). */
    private static final byte[] GOOD_PLIST = goodPlist();

    private static byte[] goodPlist() {
        TestPki own = TestPki.seeded(77);
        HeldCertificate r = own.root("Plist Root").build();
        HeldCertificate l = own.leaf(
                        "plist.example.com", own.intermediate("Plist CA", r).build())
                .build();
        return io.github.sectrust4j.fixtures.profile.UserExceptions.builder()
                .accept(l, "SSLHostname")
                .emptyPosition()
                .accept(r, "AnchorTrusted")
                .toPlist();
    }

    /** A binary plist with one object ({@code object}) as its top: header, object, 1-byte offset table, trailer. */
    private static byte[] bplist(byte[] object, long declaredObjects) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(object);
        int table = out.size();
        out.write(8); // object 0 starts right after the header
        java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(32);
        trailer.position(6);
        trailer.put((byte) 1).put((byte) 1).putLong(declaredObjects).putLong(0).putLong(table);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }

    @Test
    void craftedBinaryPlists_declaringHugeCounts_areRefusedWithoutAllocating() {
        // an array claiming 2^62 elements, in 50 bytes: a general parser allocates what it declares
        byte[] hugeArray = bplist(new byte[] {(byte) 0xAF, 0x13, 0x40, 0, 0, 0, 0, 0, 0, 0}, 1);
        assertThatThrownBy(() -> TrustExceptions.fromPlist(hugeArray))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exceptions: ")
                .hasMessageContaining("length");
        byte[] hugeTrailer = bplist(new byte[] {(byte) 0xA0}, Long.MAX_VALUE);
        assertThatThrownBy(() -> TrustExceptions.fromPlist(hugeTrailer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objects");
        byte[] selfReference = bplist(new byte[] {(byte) 0xA1, 0}, 1); // an array whose only element is itself
        assertThatThrownBy(() -> TrustExceptions.fromPlist(selfReference))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nests deeper than");
        assertThat(TrustExceptions.fromPlist(bplist(new byte[] {(byte) 0xA0}, 1))
                        .entries())
                .isEmpty();
    }

    @net.jqwik.api.Property(tries = 300)
    void damagedPlists_parseOrFailWithAClearError(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(max = 4000) int position,
            @net.jqwik.api.ForAll byte value,
            @net.jqwik.api.ForAll boolean truncate) {
        byte[] good = GOOD_PLIST;
        byte[] bad = truncate ? java.util.Arrays.copyOf(good, position % good.length) : good.clone();
        if (!truncate) {
            bad[position % bad.length] = value;
        }
        try {
            TrustExceptions.fromPlist(bad);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("exceptions: ");
        }
    }

    @Test
    void emptyExceptions_areNeverKept() {
        TrustExceptions none = TrustExceptions.of(List.of(TrustExceptions.Entry.empty()));
        assertThat(none.entries()).isEmpty();
        TrustReport r = ios("17.4", PORTAL).withExceptions(none).evaluate(chain(portal, issuing, root));
        assertThat(r.trusted()).isFalse();
        assertThat(only(r, FindingCode.USER_EXCEPTIONS).message()).contains("no entry");
    }

    // ---- helpers ----

    private static SecTrust ios(String release, String host) {
        return SecTrust.ios(release).forServer(host).at(now);
    }

    private static Certificate cert(HeldCertificate c) {
        return TestRequests.cert(c);
    }

    private static List<Certificate> chain(HeldCertificate... certs) {
        return TestRequests.certs(certs);
    }

    private static String sha1Hex(HeldCertificate c) {
        return HexFormat.of().withUpperCase().formatHex(cert(c).sha1());
    }

    private static Finding only(TrustReport r, FindingCode code) {
        List<Finding> found =
                r.findings().stream().filter(f -> f.code() == code).toList();
        assertThat(found).as("findings with %s in %s", code, r.findings()).hasSize(1);
        return found.get(0);
    }
}
