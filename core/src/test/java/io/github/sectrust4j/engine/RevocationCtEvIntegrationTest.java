package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtLogState;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ct.Sct;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.revocation.InMemoryRevocationDatabase;
import io.github.sectrust4j.revocation.OcspFetcher;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidFormat;
import io.github.sectrust4j.revocation.ValidGroup;
import io.github.sectrust4j.revocation.ValidPolicy;
import io.github.sectrust4j.revocation.ValidQuery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Revocation (§9), Certificate Transparency (§8), EV (§10) and Valid distrust (§9.2, §11.5) end to end
 * through {@link SecTrust}, with minted PKIs, OCSP responses and CT test logs.
 */
@ExtendWith(TestPkiExtension.class)
class RevocationCtEvIntegrationTest {
    static final String HOST = "example.com";
    static final String EV_OID = "2.23.140.1.1";

    /** root → issuing CA → leaf (90 days, OCSP URL); the caller decides how the root is trusted. */
    record Chain(HeldCertificate root, HeldCertificate ca, HeldCertificate leaf) {
        List<io.github.sectrust4j.cert.Certificate> served() {
            return certs(leaf, ca);
        }
    }

    static Chain chain(TestPki pki) {
        HeldCertificate root = pki.root("Test Root").build();
        HeldCertificate ca = pki.intermediate("Test Issuing CA", root).build();
        HeldCertificate leaf =
                pki.leaf(HOST, ca).ocspUrl("http://ocsp.test/").validForDays(90).build();
        return new Chain(root, ca, leaf);
    }

    /** A privately anchored chain (app anchor): CT does not apply, only revocation. */
    static SecTrust privateTrust(TestPki pki, Chain c) {
        return SecTrust.ios("17.4").forServer(HOST).at(pki.now()).withAnchors(certs(c.root()));
    }

    static CtLog usable(TestCtLog log) {
        return CtLog.usable(log.keyPair().getPublic().getEncoded(), log.operator(), log.description());
    }

    static CtLogList logList(CtLog... logs) {
        return CtLogList.of(Arrays.asList(logs));
    }

    static Optional<Finding> finding(TrustReport r, FindingCode code) {
        return r.findings().stream().filter(f -> f.code() == code).findFirst();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> scts(Finding f) {
        return (List<Map<String, Object>>) f.evidence().get("scts");
    }

    // ------------------------------------------------------------------ stapled OCSP (§9.4)

    @Test
    void stapledGoodResponse_isTrusted_andRevocationIsChecked(TestPki pki) {
        Chain c = chain(pki);
        byte[] good = pki.ocsp(c.leaf(), c.ca()).good().build();

        TrustReport r = privateTrust(pki, c).withStapledOcsp(good).evaluate(c.served());

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.revocationChecked()).isTrue();
        assertThat(r.info().revocationValidUntil()).contains(pki.now().plus(Duration.ofDays(7)));
        assertThat(r.toJson()).contains("\"revocationChecked\":true");
    }

    @Test
    void stapledRevokedResponse_isFatal_andBeatsAHostNameMismatch(TestPki pki) {
        Chain c = chain(pki);
        byte[] revoked = pki.ocsp(c.leaf(), c.ca())
                .revoked(pki.now().minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE)
                .build();

        TrustReport r = SecTrust.ios("17.4")
                .forServer("other.example.net")
                .at(pki.now())
                .withAnchors(certs(c.root()))
                .withStapledOcsp(revoked)
                .evaluate(c.served());

        assertThat(r.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(r.has(FindingCode.SSL_HOSTNAME)).isTrue();
        Finding f = r.failures().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.REVOCATION);
        assertThat(f.certificateIndex()).isZero();
        assertThat(f.evidence()).containsEntry("reason", 1).containsEntry("source", "OCSP");
        assertThat(f.remedy()).contains("revoked").contains("keyCompromise");
        assertThat(r.info().revocationReason()).hasValue(1);
        assertThat(r.revocationChecked()).isFalse();
    }

    @Test
    void revokedIntermediate_byStapledResponse_isRevocationAtIndexOne(TestPki pki) {
        Chain c = chain(pki);
        byte[] revoked = pki.ocsp(c.ca(), c.root())
                .revoked(pki.now().minus(Duration.ofDays(1)), RevocationReason.CA_COMPROMISE)
                .build();

        TrustReport r = privateTrust(pki, c).withStapledOcsp(revoked).evaluate(c.served());

        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(finding(r, FindingCode.REVOCATION).orElseThrow().certificateIndex())
                .isEqualTo(1);
    }

    @Test
    void unknownStaleAndWronglySignedResponses_softFail(TestPki pki) {
        Chain c = chain(pki);
        Instant longAgo = pki.now().minus(Duration.ofDays(30));
        List<byte[]> softFails = List.of(
                pki.ocsp(c.leaf(), c.ca()).unknown().build(),
                pki.ocsp(c.leaf(), c.ca())
                        .good()
                        .producedAt(longAgo)
                        .thisUpdate(longAgo)
                        .nextUpdate(longAgo.plus(Duration.ofDays(7)))
                        .build(),
                pki.ocsp(c.leaf(), c.ca())
                        .revoked(longAgo, RevocationReason.KEY_COMPROMISE)
                        .brokenSignature()
                        .build(),
                pki.ocsp(c.leaf(), c.ca())
                        .revoked(longAgo, RevocationReason.KEY_COMPROMISE)
                        .wrongCertId()
                        .build());
        for (byte[] response : softFails) {
            TrustReport r = privateTrust(pki, c).withStapledOcsp(response).evaluate(c.served());
            assertThat(r.trusted()).as(r.explain()).isTrue();
            assertThat(r.has(FindingCode.REVOCATION)).isFalse();
            assertThat(r.revocationChecked()).isFalse();
        }
    }

    @Test
    void staleRevokedResponse_isStillHonoured(TestPki pki) {
        Chain c = chain(pki);
        Instant longAgo = pki.now().minus(Duration.ofDays(30));
        byte[] staleRevoked = pki.ocsp(c.leaf(), c.ca())
                .revoked(longAgo, RevocationReason.SUPERSEDED)
                .producedAt(longAgo)
                .thisUpdate(longAgo)
                .nextUpdate(longAgo.plus(Duration.ofDays(1)))
                .build();

        TrustReport r = privateTrust(pki, c).withStapledOcsp(staleRevoked).evaluate(c.served());

        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
    }

    @Test
    void ocspFreshness_usesTheDeviceClock_notTheVerifyDate(TestPki pki) {
        Chain c = chain(pki);
        byte[] good = pki.ocsp(c.leaf(), c.ca()).good().build(); // fresh at pki.now(), nextUpdate + 7 days

        TrustReport fresh = privateTrust(pki, c).withStapledOcsp(good).evaluate(c.served());
        TrustReport deviceLater = privateTrust(pki, c)
                .deviceClock(pki.now().plus(Duration.ofDays(20)))
                .withStapledOcsp(good)
                .evaluate(c.served());

        assertThat(fresh.revocationChecked()).isTrue();
        assertThat(deviceLater.trusted()).isTrue();
        assertThat(deviceLater.revocationChecked())
                .as("stale on the device clock: ignored")
                .isFalse();
    }

    @Test
    void delegatedResponder_needsOcspSigning_toBeBelieved(TestPki pki) {
        Chain c = chain(pki);
        HeldCertificate authorised =
                pki.ocspResponder("Test OCSP Responder", c.ca()).build();
        HeldCertificate unauthorised =
                pki.leaf("not-a-responder.example.com", c.ca()).build();
        Instant when = pki.now().minus(Duration.ofDays(1));

        TrustReport byAuthorised = privateTrust(pki, c)
                .withStapledOcsp(pki.ocsp(c.leaf(), c.ca())
                        .revoked(when, RevocationReason.KEY_COMPROMISE)
                        .signedBy(authorised)
                        .build())
                .evaluate(c.served());
        TrustReport byOther = privateTrust(pki, c)
                .withStapledOcsp(pki.ocsp(c.leaf(), c.ca())
                        .revoked(when, RevocationReason.KEY_COMPROMISE)
                        .signedBy(unauthorised)
                        .build())
                .evaluate(c.served());

        assertThat(byAuthorised.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(byOther.trusted()).as(byOther.explain()).isTrue();
    }

    @Test
    void garbageOcspResponsesAndScts_areIgnored_neverThrown(TestPki pki) {
        Chain c = chain(pki);
        byte[][] junk = {
            new byte[0],
            {0x30},
            {0x30, 0x03, 0x0a, 0x01, 0x00},
            "not der".getBytes(StandardCharsets.US_ASCII),
            pki.ocsp(c.leaf(), c.ca()).good().build().clone()
        };
        junk[4][junk[4].length / 2] ^= 0x55;
        SecTrust trust = privateTrust(pki, c);
        for (byte[] j : junk) {
            trust = trust.withStapledOcsp(j).withSct(j);
        }
        TrustReport r = trust.evaluate(c.served());
        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.has(FindingCode.REVOCATION)).isFalse();
    }

    // ------------------------------------------------------------------ require positive, network (§9.4, §9.5)

    /** A fetcher that records its calls and answers with {@code answer} (empty: no response). */
    static final class RecordingFetcher implements OcspFetcher {
        final List<URI> calls = new ArrayList<>();
        final Optional<byte[]> answer;

        RecordingFetcher(Optional<byte[]> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<byte[]> fetch(URI responder, byte[] requestDer) {
            calls.add(responder);
            return answer;
        }
    }

    @Test
    void requirePositiveResponse_withoutAnyResponse_isRevocationResponseRequired(TestPki pki) {
        Chain c = chain(pki);
        RecordingFetcher fetcher = new RecordingFetcher(Optional.empty());

        TrustReport r = privateTrust(pki, c)
                .requirePositiveRevocationResponse()
                .allowNetwork(fetcher)
                .evaluate(c.served());

        assertThat(r.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.INCOMPLETE_CERT_REVOCATION_CHECK);
        Finding f = finding(r, FindingCode.REVOCATION_RESPONSE_REQUIRED).orElseThrow();
        assertThat(f.certificateIndex()).isZero();
        assertThat(f.remedy()).contains("staple a fresh OCSP response");
        assertThat(fetcher.calls).isNotEmpty().allMatch(u -> u.toString().equals("http://ocsp.test/"));
    }

    @Test
    void requirePositiveResponse_withAStapledGoodResponse_isTrusted_withoutFetching(TestPki pki) {
        Chain c = chain(pki);
        RecordingFetcher fetcher = new RecordingFetcher(Optional.empty());

        TrustReport r = privateTrust(pki, c)
                .requirePositiveRevocationResponse()
                .allowNetwork(fetcher)
                .withStapledOcsp(pki.ocsp(c.leaf(), c.ca()).good().build())
                .evaluate(c.served());

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(fetcher.calls)
                .as("a decisive stapled response: no fetch for the leaf")
                .isEmpty();
    }

    @Test
    void requirePositiveResponse_offline_isNotEnforced(TestPki pki) {
        Chain c = chain(pki);
        TrustReport r = privateTrust(pki, c).requirePositiveRevocationResponse().evaluate(c.served());
        assertThat(r.trusted()).as(r.explain()).isTrue();
    }

    @Test
    void networkOcsp_isFetchedOnlyWhenSomethingTriggersIt(TestPki pki) {
        Chain c = chain(pki);
        byte[] revoked = pki.ocsp(c.leaf(), c.ca())
                .revoked(pki.now().minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE)
                .build();
        RecordingFetcher untriggered = new RecordingFetcher(Optional.of(revoked));
        RecordingFetcher withPolicy = new RecordingFetcher(Optional.of(revoked));

        TrustReport plain = privateTrust(pki, c).allowNetwork(untriggered).evaluate(c.served());
        TrustReport policy = privateTrust(pki, c)
                .withRevocationPolicy()
                .allowNetwork(withPolicy)
                .evaluate(c.served());

        assertThat(untriggered.calls).isEmpty();
        assertThat(plain.trusted()).isTrue();
        assertThat(withPolicy.calls).isNotEmpty();
        assertThat(policy.error()).contains(TrustError.CERTIFICATE_REVOKED);
    }

    // ------------------------------------------------------------------ the Valid database (§9.2, §11.5)

    static ValidGroup group(
            long id,
            Set<ValidFlag> flags,
            Optional<Instant> notBefore,
            Optional<Instant> notAfter,
            Optional<List<ValidPolicy>> policies) {
        return new ValidGroup(id, flags, ValidFormat.SERIAL, notBefore, notAfter, policies, Optional.empty());
    }

    static InMemoryRevocationDatabase blockListing(HeldCertificate cert, HeldCertificate issuer) {
        ValidGroup g = group(1, EnumSet.of(ValidFlag.COMPLETE), Optional.empty(), Optional.empty(), Optional.empty());
        return InMemoryRevocationDatabase.builder()
                .group(g, sha256(issuer))
                .serial(1, ValidQuery.of(cert.der(), issuer.der()).serial())
                .build();
    }

    static byte[] sha256(HeldCertificate c) {
        return io.github.sectrust4j.cert.Certificate.parse(c.der()).sha256();
    }

    @Test
    void validBlockList_revokesTheLeaf_withReasonZero_andAFreshGoodResponseOverridesIt(TestPki pki) {
        Chain c = chain(pki);
        InMemoryRevocationDatabase db = blockListing(c.leaf(), c.ca());

        TrustReport revoked = privateTrust(pki, c).withRevocationDatabase(db).evaluate(c.served());
        TrustReport overridden = privateTrust(pki, c)
                .withRevocationDatabase(db)
                .withStapledOcsp(pki.ocsp(c.leaf(), c.ca()).good().build())
                .evaluate(c.served());

        assertThat(revoked.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        Finding f = finding(revoked, FindingCode.REVOCATION).orElseThrow();
        assertThat(f.evidence()).containsEntry("reason", 0).containsEntry("source", "Valid database");
        assertThat(revoked.info().revocationReason()).hasValue(0);
        assertThat(overridden.trusted()).as(overridden.explain()).isTrue();
        assertThat(overridden.revocationChecked()).isTrue();
    }

    @Test
    void validDateConstraint_distrustsCertificatesIssuedAfterTheCut_namingTheDate(TestPki pki) {
        Chain c = chain(pki);
        Instant cut = pki.now().minus(Duration.ofDays(30));
        ValidGroup g =
                group(2, EnumSet.of(ValidFlag.DATE_CONSTRAINTS), Optional.empty(), Optional.of(cut), Optional.empty());
        InMemoryRevocationDatabase db =
                InMemoryRevocationDatabase.builder().group(g, sha256(c.ca())).build();

        TrustReport r = privateTrust(pki, c).withRevocationDatabase(db).evaluate(c.served());

        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        Finding f = finding(r, FindingCode.REVOCATION).orElseThrow();
        assertThat(f.evidence()).containsEntry("distrustAfter", cut.toString());
        assertThat(f.remedy())
                .contains("distrusted by Apple")
                .contains(cut.toString())
                .contains("another CA");
    }

    @Test
    void overridableDateConstraint_isAGrayListedKey_recoverable(TestPki pki) {
        Chain c = chain(pki);
        ValidGroup g = group(
                3,
                EnumSet.of(ValidFlag.DATE_CONSTRAINTS, ValidFlag.OVERRIDABLE),
                Optional.empty(),
                Optional.of(pki.now().minus(Duration.ofDays(30))),
                Optional.empty());
        InMemoryRevocationDatabase db =
                InMemoryRevocationDatabase.builder().group(g, sha256(c.ca())).build();

        TrustReport r = privateTrust(pki, c).withRevocationDatabase(db).evaluate(c.served());

        assertThat(r.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(finding(r, FindingCode.GRAY_LISTED_KEY).orElseThrow().certificateIndex())
                .isZero();
    }

    @Test
    void validPolicyConstraints_withoutServerAuth_areIssuerPolicyConstraints_fromIos13(TestPki pki) {
        Chain c = chain(pki);
        ValidGroup g = group(
                4,
                EnumSet.of(ValidFlag.POLICY_CONSTRAINTS),
                Optional.empty(),
                Optional.empty(),
                Optional.of(List.of(ValidPolicy.CLIENT_AUTHENTICATION)));
        InMemoryRevocationDatabase db =
                InMemoryRevocationDatabase.builder().group(g, sha256(c.ca())).build();

        TrustReport r = privateTrust(pki, c).withRevocationDatabase(db).evaluate(c.served());
        TrustReport ios12 = SecTrust.ios("12.4")
                .forServer(HOST)
                .at(pki.now())
                .withAnchors(certs(c.root()))
                .withRevocationDatabase(db)
                .evaluate(c.served());

        assertThat(r.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.CERTIFICATE_POLICY_NOT_ALLOWED);
        assertThat(ios12.has(FindingCode.ISSUER_POLICY_CONSTRAINTS)).isFalse();
    }

    @Test
    void validRequireCt_withoutScts_isCtRequired_fatalUnlessOverridable(TestPki pki) {
        Chain c = chain(pki);
        ValidGroup strict =
                group(5, EnumSet.of(ValidFlag.REQUIRE_CT), Optional.empty(), Optional.empty(), Optional.empty());
        ValidGroup lenient = group(
                6,
                EnumSet.of(ValidFlag.REQUIRE_CT, ValidFlag.OVERRIDABLE),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        TrustReport fatal = privateTrust(pki, c)
                .withRevocationDatabase(InMemoryRevocationDatabase.builder()
                        .group(strict, sha256(c.ca()))
                        .build())
                .evaluate(c.served());
        TrustReport recoverable = privateTrust(pki, c)
                .withRevocationDatabase(InMemoryRevocationDatabase.builder()
                        .group(lenient, sha256(c.ca()))
                        .build())
                .evaluate(c.served());

        assertThat(fatal.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(fatal.error()).contains(TrustError.NOT_TRUSTED);
        assertThat(finding(fatal, FindingCode.CT_REQUIRED).orElseThrow().remedy())
                .contains("embedded SCTs");
        assertThat(recoverable.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(recoverable.has(FindingCode.CT_REQUIRED)).isTrue();
    }

    @Test
    void knownIntermediatesOnly_anUnknownCa_isBlackListedLeaf_atTheCa(TestPki pki) {
        Chain c = chain(pki);
        ValidGroup rootGroup = group(
                7,
                EnumSet.of(ValidFlag.KNOWN_INTERMEDIATES_ONLY),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        ValidGroup caGroup =
                group(8, EnumSet.noneOf(ValidFlag.class), Optional.empty(), Optional.empty(), Optional.empty());

        TrustReport unknown = privateTrust(pki, c)
                .withRevocationDatabase(InMemoryRevocationDatabase.builder()
                        .group(rootGroup, sha256(c.root()))
                        .build())
                .evaluate(c.served());
        TrustReport known = privateTrust(pki, c)
                .withRevocationDatabase(InMemoryRevocationDatabase.builder()
                        .group(rootGroup, sha256(c.root()))
                        .group(caGroup, sha256(c.ca()))
                        .build())
                .evaluate(c.served());

        assertThat(unknown.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(finding(unknown, FindingCode.BLACK_LISTED_LEAF).orElseThrow().certificateIndex())
                .isEqualTo(1);
        assertThat(known.trusted()).as(known.explain()).isTrue();
    }

    @Test
    void noCaV2AllowList_checksEveryPosition_andRejectsWhatIsNotOnIt(TestPki pki) {
        Chain c = chain(pki);
        Set<ValidFlag> allow = EnumSet.of(ValidFlag.NO_CA_V2, ValidFlag.ALLOW_LIST, ValidFlag.COMPLETE);
        HeldCertificate stranger = pki.leaf(HOST, c.ca()).build();
        InMemoryRevocationDatabase db = InMemoryRevocationDatabase.builder()
                .group(group(9, allow, Optional.empty(), Optional.empty(), Optional.empty()), sha256(c.ca()))
                .group(group(10, allow, Optional.empty(), Optional.empty(), Optional.empty()), sha256(c.root()))
                .serial(9, ValidQuery.of(c.leaf().der(), c.ca().der()).serial())
                .serial(10, ValidQuery.of(c.ca().der(), c.root().der()).serial())
                .build();

        TrustReport listed = privateTrust(pki, c).withRevocationDatabase(db).evaluate(c.served());
        TrustReport notListed = privateTrust(pki, c).withRevocationDatabase(db).evaluate(certs(stranger, c.ca()));

        assertThat(listed.trusted()).as(listed.explain()).isTrue();
        assertThat(listed.revocationChecked())
                .as("Valid allow-listing counts as checked (§9.5)")
                .isTrue();
        assertThat(notListed.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(finding(notListed, FindingCode.BLACK_LISTED_LEAF)
                        .orElseThrow()
                        .certificateIndex())
                .isZero();
    }

    // ------------------------------------------------------------------ CT (§8)

    /** A system-trusted chain (extra system root) whose leaf embeds SCTs from {@code logs}. */
    static Chain publicChain(TestPki pki, Instant notBefore, long days, List<TestCtLog> logs) {
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", root).build();
        CertificateBuilder b = pki.leaf(HOST, ca).notBefore(notBefore).validForDays(days);
        for (TestCtLog log : logs) {
            b.embeddedScts(log, notBefore.plus(Duration.ofMinutes(5)));
        }
        return new Chain(root, ca, b.build());
    }

    static List<TestCtLog> logs(TestPki pki, int n) {
        List<TestCtLog> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pki.ctLog("Test Log " + i));
        }
        return out;
    }

    static CtLogList usableList(List<TestCtLog> logs) {
        return CtLogList.of(
                logs.stream().map(RevocationCtEvIntegrationTest::usable).toList());
    }

    @Test
    void systemTrustedLeafWithoutScts_failsCt_fromIos1211_butNotOn121(TestPki pki) {
        Chain c = publicChain(pki, pki.now().minus(Duration.ofDays(1)), 90, List.of());
        SecTrust base = SecTrust.newest().forServer(HOST).at(pki.now()).withExtraSystemRoots(certs(c.root()));

        TrustReport ios17 = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .evaluate(c.served());
        TrustReport ios1211 = SecTrust.ios("12.1.1")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .evaluate(c.served());
        TrustReport ios121 = SecTrust.ios("12.1")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .evaluate(c.served());

        assertThat(ios17.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(ios17.error()).contains(TrustError.VERIFY_ACTION_FAILED);
        Finding f = finding(ios17, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED).orElseThrow();
        assertThat(f.certificateIndex()).isZero();
        assertThat(f.remedy()).contains("CT-logged").contains("embedded SCTs from 2 logs");
        assertThat(ios1211.has(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED)).isTrue();
        assertThat(ios121.trusted()).as(ios121.explain()).isTrue();
        assertThat(base.ctKillSwitch(true).evaluate(c.served()).trusted()).isTrue();
        assertThat(base.ctLogListFresh(false).evaluate(c.served()).trusted())
                .as("stale list: no enforcement")
                .isTrue();
    }

    @Test
    void systemTrustedLeafIssuedBeforeTheCutoff_needsNoCt(TestPki pki) {
        TestPki old = pki.at(Instant.parse("2018-09-01T00:00:00Z"));
        Chain c = publicChain(old, Instant.parse("2018-10-15T00:00:00Z"), 365, List.of());
        TrustReport r = SecTrust.ios("12.1.1")
                .forServer(HOST)
                .at(Instant.parse("2019-01-01T00:00:00Z"))
                .withExtraSystemRoots(certs(c.root()))
                .evaluate(c.served());
        assertThat(r.has(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED))
                .as(r.explain())
                .isFalse();
    }

    /**
     * Apple's lifetime tables (§8.3): policy v2 for leaves from 2021-04-21 (≤ 180 days 2, ≤ 825 days 3,
     * longer 4), policy v1 before (months < 15 2, 15–27 3, 28–39 4, > 39 5). One SCT short fails, enough
     * passes. v1 cases run on iOS 12.1.1 (no validity-period maximums there).
     */
    @ParameterizedTest(name = "iOS {0}, issued {1}, {2} days, {3} SCTs → CT failure {4}")
    @CsvSource({
        "17.4, 2025-05-31T00:00:00Z, 90, 0, true",
        "17.4, 2025-05-31T00:00:00Z, 90, 1, true",
        "17.4, 2025-05-31T00:00:00Z, 90, 2, false",
        "17.4, 2025-05-31T00:00:00Z, 300, 2, true",
        "17.4, 2025-05-31T00:00:00Z, 300, 3, false",
        "17.4, 2025-05-31T00:00:00Z, 900, 3, true",
        "17.4, 2025-05-31T00:00:00Z, 900, 4, false",
        "12.1.1, 2019-01-01T00:00:00Z, 365, 1, true",
        "12.1.1, 2019-01-01T00:00:00Z, 365, 2, false",
        "12.1.1, 2019-01-01T00:00:00Z, 610, 2, true",
        "12.1.1, 2019-01-01T00:00:00Z, 610, 3, false",
        "12.1.1, 2019-01-01T00:00:00Z, 915, 3, true",
        "12.1.1, 2019-01-01T00:00:00Z, 915, 4, false",
        "12.1.1, 2019-01-01T00:00:00Z, 1370, 4, true",
        "12.1.1, 2019-01-01T00:00:00Z, 1370, 5, false",
    })
    void embeddedSctCount_againstTheLifetimeTable(
            String release, String issued, long days, int scts, boolean ctFailure, TestPki pki) {
        Instant notBefore = Instant.parse(issued);
        TestPki at = pki.at(notBefore.minus(Duration.ofDays(1)));
        List<TestCtLog> logs = logs(at, 5);
        Chain c = publicChain(at, notBefore, days, logs.subList(0, scts));

        TrustReport r = SecTrust.ios(release)
                .forServer(HOST)
                .at(notBefore.plus(Duration.ofDays(30)))
                .withExtraSystemRoots(certs(c.root()))
                .withCtLogs(usableList(logs))
                .evaluate(c.served());

        assertThat(r.has(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED))
                .as(r.explain())
                .isEqualTo(ctFailure);
        if (!ctFailure && days <= 398) {
            assertThat(r.trusted()).as(r.explain()).isTrue();
            assertThat(r.certificateTransparency()).isTrue();
            Finding note = finding(r, FindingCode.CERTIFICATE_TRANSPARENCY).orElseThrow();
            assertThat(scts(note))
                    .hasSize(scts)
                    .allSatisfy(
                            s -> assertThat(s).containsEntry("counted", true).containsEntry("verdict", "VALID"));
        }
    }

    @Test
    void sctsFromUnknownRetiredAndReadOnlyLogs_andABrokenSignature_doNotCount_andTheFindingSaysWhy(TestPki pki) {
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        TestCtLog good = pki.ctLog("Good Log");
        TestCtLog unknown = pki.ctLog("Unknown Log");
        TestCtLog readOnly = pki.ctLog("Frozen Log");
        TestCtLog broken = pki.ctLog("Broken Log");
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", root).build();
        Instant sctTime = notBefore.plus(Duration.ofMinutes(5));
        HeldCertificate leaf = pki.leaf(HOST, ca)
                .notBefore(notBefore)
                .validForDays(90)
                .embeddedScts(good, sctTime)
                .embeddedScts(unknown, sctTime)
                .embeddedScts(readOnly, sctTime)
                .embeddedBrokenSct(broken, sctTime)
                .build();
        CtLogList list = logList(
                usable(good),
                CtLog.of(
                        readOnly.keyPair().getPublic().getEncoded(),
                        readOnly.operator(),
                        readOnly.description(),
                        CtLogState.READONLY,
                        notBefore.minus(Duration.ofDays(10))),
                usable(broken));

        TrustReport r = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(root))
                .withCtLogs(list)
                .evaluate(certs(leaf, ca));

        Finding f =
                finding(r, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED).orElseThrow(() -> new AssertionError(r.explain()));
        assertThat(scts(f))
                .extracting(s -> s.get("verdict"))
                .containsExactlyInAnyOrder("VALID", "UNKNOWN_LOG", "AFTER_READ_ONLY", "INVALID_SIGNATURE");
        assertThat(f.evidence()).containsEntry("counted", 1).containsEntry("required", 2);
        assertThat(f.message()).contains("not CT-qualified");
        assertThat(f.remedy()).contains("Not counted");
    }

    @Test
    void retiredLog_countsEmbeddedSctsIssuedBeforeRetirement_butNotTlsScts(TestPki pki) {
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        TestCtLog a = pki.ctLog("Log A");
        TestCtLog retired = pki.ctLog("Retired Log");
        TestCtLog c2 = pki.ctLog("Log C");
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", root).build();
        Instant sctTime = notBefore.plus(Duration.ofMinutes(5));
        HeldCertificate leaf = pki.leaf(HOST, ca)
                .notBefore(notBefore)
                .validForDays(90)
                .embeddedScts(a, sctTime)
                .embeddedScts(retired, sctTime)
                .build();
        CtLog retiredLater = CtLog.of(
                retired.keyPair().getPublic().getEncoded(),
                retired.operator(),
                retired.description(),
                CtLogState.RETIRED,
                pki.now().minus(Duration.ofHours(1)));
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(root))
                .withCtLogs(logList(usable(a), retiredLater, usable(c2)));

        TrustReport embedded = trust.evaluate(certs(leaf, ca));
        HeldCertificate bare =
                pki.leaf(HOST, ca).notBefore(notBefore).validForDays(90).build();
        TrustReport tls = trust.withSct(retired.sctFor(bare, sctTime).encoded())
                .withSct(c2.sctFor(bare, sctTime).encoded())
                .evaluate(certs(bare, ca));

        assertThat(embedded.trusted()).as(embedded.explain()).isTrue();
        Finding f = finding(tls, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED)
                .orElseThrow(() -> new AssertionError(tls.explain()));
        assertThat(scts(f)).extracting(s -> s.get("verdict")).contains("RETIRED_LOG_EXTERNAL");
    }

    @Test
    void tlsAndOcspDeliveredScts_fromTwoLogs_qualify(TestPki pki) {
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        TestCtLog a = pki.ctLog("Log A");
        TestCtLog b = pki.ctLog("Log B");
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", root).build();
        HeldCertificate leaf =
                pki.leaf(HOST, ca).notBefore(notBefore).validForDays(90).build();
        Instant t = notBefore.plus(Duration.ofMinutes(5));
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(root))
                .withCtLogs(logList(usable(a), usable(b)));

        TrustReport viaTls = trust.withSct(a.sctFor(leaf, t).encoded())
                .withSct(b.sctFor(leaf, t).encoded())
                .evaluate(certs(leaf, ca));
        byte[] ocsp = pki.ocsp(leaf, ca)
                .good()
                .sctList(Sct.encodeList(List.of(a.sctFor(leaf, t), b.sctFor(leaf, t))))
                .build();
        TrustReport viaOcsp = trust.withStapledOcsp(ocsp).evaluate(certs(leaf, ca));

        assertThat(viaTls.trusted()).as(viaTls.explain()).isTrue();
        assertThat(viaTls.certificateTransparency()).isTrue();
        assertThat(viaOcsp.trusted()).as(viaOcsp.explain()).isTrue();
        assertThat(viaOcsp.revocationChecked()).isTrue();
    }

    @Test
    void mdmCtException_forTheHost_exemptsTheLeaf(TestPki pki) {
        Chain c = publicChain(pki, pki.now().minus(Duration.ofDays(1)), 90, List.of());
        TrustReport r = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .withCtExceptions(io.github.sectrust4j.ct.CtExceptions.of(List.of("." + HOST), List.of()))
                .evaluate(c.served());
        assertThat(r.trusted()).as(r.explain()).isTrue();
    }

    // ------------------------------------------------------------------ EV (§10)

    /** An EV-shaped chain: EV policy OID on the leaf, CA with policies, CRL DP, keyCertSign + cRLSign. */
    static Chain evChain(TestPki pki, List<TestCtLog> logs) {
        HeldCertificate root = pki.root("EV Root").build();
        HeldCertificate ca = pki.intermediate("EV Issuing CA", root)
                .policies(EV_OID)
                .crlDistributionPoint("http://crl.test/ev.crl")
                .keyUsage(CertificateBuilder.KU_KEY_CERT_SIGN | CertificateBuilder.KU_CRL_SIGN)
                .build();
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        CertificateBuilder b = pki.leaf(HOST, ca)
                .subject("CN=" + HOST + ",O=Example Bank")
                .policies(EV_OID)
                .ocspUrl("http://ocsp.test/")
                .notBefore(notBefore)
                .validForDays(90);
        for (TestCtLog log : logs) {
            b.embeddedScts(log, notBefore.plus(Duration.ofMinutes(5)));
        }
        return new Chain(root, ca, b.build());
    }

    @Test
    void evChain_withEnoughScts_isReportedAsEv_withTheOrganization(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs);

        TrustReport r = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .withExtraEvRoot(
                        io.github.sectrust4j.cert.Certificate.parse(c.root().der()), EV_OID)
                .withCtLogs(usableList(logs))
                .evaluate(c.served());

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.extendedValidation()).isTrue();
        assertThat(r.info().organization()).contains("Example Bank");
        assertThat(finding(r, FindingCode.EXTENDED_VALIDATION).orElseThrow().severity())
                .isEqualTo(Severity.INFO);
        assertThat(r.toJson()).contains("\"extendedValidation\":true").contains("\"certificateTransparency\":true");
        assertThat(r.explain()).contains("Extended Validation: yes (Example Bank)");
    }

    @Test
    void evChain_withoutEnoughScts_isTrustedUnderAnAppAnchor_butNotEv(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs.subList(0, 1));
        io.github.sectrust4j.cert.Certificate root =
                io.github.sectrust4j.cert.Certificate.parse(c.root().der());

        TrustReport r = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withAnchors(List.of(root))
                .withExtraEvRoot(root, EV_OID)
                .withCtLogs(usableList(logs))
                .evaluate(c.served());
        TrustReport staleList = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withAnchors(List.of(root))
                .withExtraEvRoot(root, EV_OID)
                .ctLogListFresh(false)
                .evaluate(c.served());

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.extendedValidation()).as("EV needs CT qualification").isFalse();
        assertThat(r.has(FindingCode.EXTENDED_VALIDATION)).isFalse();
        assertThat(staleList.extendedValidation())
                .as("a stale log list waives CT for EV (§10)")
                .isTrue();
    }

    @Test
    void evCapableLeaf_keepsSearching_andTheEvPathWins_overAnAcceptedNonEvPath(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs);
        // the same CA (name and key) issued again without cRLDistributionPoints: a valid but non-EV path
        HeldCertificate plainCa = pki.intermediate("EV Issuing CA", c.root())
                .sameKeyAs(c.ca())
                .policies(EV_OID)
                .keyUsage(CertificateBuilder.KU_KEY_CERT_SIGN | CertificateBuilder.KU_CRL_SIGN)
                .build();
        io.github.sectrust4j.cert.Certificate root =
                io.github.sectrust4j.cert.Certificate.parse(c.root().der());
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(List.of(root))
                .withCtLogs(usableList(logs));

        List<List<io.github.sectrust4j.cert.Certificate>> orders =
                List.of(certs(c.leaf(), plainCa, c.ca()), certs(c.leaf(), c.ca(), plainCa));
        List<String> withoutEvChosen = new ArrayList<>();
        for (List<io.github.sectrust4j.cert.Certificate> order : orders) {
            TrustReport ev = trust.withExtraEvRoot(root, EV_OID).evaluate(order);
            TrustReport notEv = trust.evaluate(order);
            assertThat(ev.extendedValidation()).as(ev.explain()).isTrue();
            assertThat(ev.path().get(1).sha256()).isEqualTo(sha256Hex(c.ca()));
            assertThat(notEv.trusted()).isTrue();
            withoutEvChosen.add(notEv.path().get(1).sha256());
        }
        // without EV roots the first accepted path is final, and in one order that is the plain CA's:
        // the EV evaluation found the EV path only because an EV-capable leaf keeps searching (§1.5)
        assertThat(withoutEvChosen).contains(sha256Hex(plainCa));
    }

    static String sha256Hex(HeldCertificate h) {
        return io.github.sectrust4j.cert.Certificate.parse(h.der()).sha256Hex().toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void evLeaf_withoutAnEvRoot_isNotEv(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs);
        TrustReport r = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .withCtLogs(usableList(logs))
                .evaluate(c.served());
        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.extendedValidation()).isFalse();
    }

    @Test
    void evLeaf_triggersNetworkOcsp_andEvNeedsTheRevocationCheck(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs);
        io.github.sectrust4j.cert.Certificate root =
                io.github.sectrust4j.cert.Certificate.parse(c.root().der());
        RecordingFetcher silent = new RecordingFetcher(Optional.empty());
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(List.of(root))
                .withExtraEvRoot(root, EV_OID)
                .withCtLogs(usableList(logs));

        TrustReport noAnswer = trust.allowNetwork(silent).evaluate(c.served());

        assertThat(noAnswer.trusted()).isTrue();
        assertThat(silent.calls).as("an EV-capable leaf triggers OCSP (§9.4)").isNotEmpty();
        assertThat(noAnswer.extendedValidation())
                .as("online, without a good response the EV label is dropped")
                .isFalse();
        assertThat(trust.withStapledOcsp(pki.ocsp(c.leaf(), c.ca()).good().build())
                        .allowNetwork(silent)
                        .evaluate(c.served())
                        .extendedValidation())
                .isTrue();
    }
}
