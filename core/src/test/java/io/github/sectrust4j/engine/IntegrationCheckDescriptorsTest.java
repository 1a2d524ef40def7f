package io.github.sectrust4j.engine;

import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.EV_OID;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.HOST;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.chain;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.evChain;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.group;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.logs;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.privateTrust;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.publicChain;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.sha256;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.usableList;
import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.Chain;
import io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.RecordingFetcher;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.policy.AppleChecks;
import io.github.sectrust4j.policy.CertificateTransparencyNote;
import io.github.sectrust4j.policy.CheckDescriptor;
import io.github.sectrust4j.policy.CtEvidence;
import io.github.sectrust4j.policy.CtLogListAgeNote;
import io.github.sectrust4j.policy.CtRequiredCheck;
import io.github.sectrust4j.policy.Decision;
import io.github.sectrust4j.policy.ExtendedValidationNote;
import io.github.sectrust4j.policy.PathBudgetCheck;
import io.github.sectrust4j.policy.Policies;
import io.github.sectrust4j.policy.RevocationCheck;
import io.github.sectrust4j.policy.RevocationResponseRequiredCheck;
import io.github.sectrust4j.policy.RuleSet;
import io.github.sectrust4j.policy.SystemTrustedCtRequiredCheck;
import io.github.sectrust4j.policy.ValidCheck;
import io.github.sectrust4j.policy.VerificationBudgetCheck;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.revocation.InMemoryRevocationDatabase;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.revocation.internal.ValidFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration's checks (revocation, Valid, CT, EV) as catalogue descriptors, end to end: the engine maps the
 * typed decisions of {@code revocation} and {@code ct} to failures carrying the descriptor's evidence record, the
 * report renders that record, and the message, rule and remedy are the descriptor's. Each check once failing,
 * once passing.
 */
@ExtendWith(TestPkiExtension.class)
class IntegrationCheckDescriptorsTest {

    /** The report and the failures and notes of the validation it was decided from, typed. */
    record Seen(TrustReport report, List<Failure> failures, RuleSet rules) {
        Optional<Failure> failure(FindingCode code) {
            return failures.stream().filter(f -> f.code() == code).findFirst();
        }

        /** The recorded failure: its record's type, the finding's evidence is that record, and the descriptor's rule. */
        <E extends Evidence> E explained(FindingCode code, Class<E> record, CheckDescriptor by) {
            Failure f =
                    failure(code).orElseThrow(() -> new AssertionError(code + " not recorded: " + report.explain()));
            assertThat(AppleChecks.explaining(f)).contains(by);
            Finding finding = report.findings().stream()
                    .filter(x -> x.code() == code && x.certificateIndex() == f.index())
                    .findFirst()
                    .orElseThrow();
            assertThat(finding.evidence()).isEqualTo(f.evidence().fields()).doesNotContainKey("remedy");
            assertThat(finding.message()).startsWith(code.code() + ": ");
            assertThat(finding.rule()).isEqualTo(by.rule(f, rules));
            return f.evidence(record);
        }

        Finding finding(FindingCode code) {
            return report.findings().stream()
                    .filter(x -> x.code() == code)
                    .findFirst()
                    .orElseThrow();
        }
    }

    static Seen evaluate(SecTrust trust, List<io.github.sectrust4j.cert.Certificate> chain) {
        EvaluationRequest request = SecTrustAccess.request(trust, chain);
        PathExtensions extensions = new PathExtensions(request);
        PathValidator validator = Policies.validatorFor(
                request,
                List.of(extensions.revocationCheck()),
                List.of(extensions.trailingCheck()),
                extensions::listedKeysExempt);
        List<Failure> seen = new ArrayList<>();
        TrustReport report = Evaluator.evaluate(request, validator, (path, validation, req) -> {
            seen.clear();
            seen.addAll(validation.failures());
            seen.addAll(validation.notes());
            return Decision.decide(path, validation, req);
        });
        return new Seen(report, List.copyOf(seen), RuleSet.forRelease(request.release()));
    }

    @Test
    void revocation_byAStapledRevokedResponse_carriesTheRevocationResult(TestPki pki) {
        Chain c = chain(pki);
        Instant at = pki.now().minus(Duration.ofDays(2));
        byte[] revoked = pki.ocsp(c.leaf(), c.ca())
                .revoked(at, RevocationReason.KEY_COMPROMISE)
                .build();

        Seen s = evaluate(privateTrust(pki, c).withStapledOcsp(revoked), c.served());

        RevocationResult r = s.explained(
                        FindingCode.REVOCATION, RevocationCheck.OcspRevoked.class, RevocationCheck.INSTANCE)
                .result();
        assertThat(r.state()).isEqualTo(RevocationResult.State.REVOKED);
        assertThat(r.reason()).hasValue(1);
        Finding f = s.finding(FindingCode.REVOCATION);
        assertThat(f.evidence()).containsEntry("source", "OCSP").containsEntry("reason", 1);
        assertThat(f.message())
                .isEqualTo("Revocation: leaf '" + HOST + "' (certificate 0) is revoked according to a valid"
                        + " OCSP response (reason 1, revoked "
                        + r.revocationTime().orElseThrow() + ").");
        assertThat(f.remedy())
                .startsWith("'" + HOST + "' is revoked by its CA (OCSP, revoked ")
                .contains("reason keyCompromise (1)")
                .endsWith("no setting or exception overrides this.");

        Seen good = evaluate(
                privateTrust(pki, c)
                        .withStapledOcsp(pki.ocsp(c.leaf(), c.ca()).good().build()),
                c.served());
        assertThat(good.report().trusted()).as(good.report().explain()).isTrue();
        assertThat(good.failure(FindingCode.REVOCATION)).isEmpty();
    }

    @Test
    void revocationResponseRequired_withoutAResponse_namesTheState_andAStapledGoodResponseSatisfiesIt(TestPki pki) {
        Chain c = chain(pki);

        Seen s = evaluate(
                privateTrust(pki, c)
                        .requirePositiveRevocationResponse()
                        .allowNetwork(new RecordingFetcher(Optional.empty())),
                c.served());

        RevocationResponseRequiredCheck.NoPositiveResponse e = s.explained(
                FindingCode.REVOCATION_RESPONSE_REQUIRED,
                RevocationResponseRequiredCheck.NoPositiveResponse.class,
                RevocationResponseRequiredCheck.INSTANCE);
        assertThat(e.requirement()).isEqualTo("kSecRevocationRequirePositiveResponse");
        Finding f = s.finding(FindingCode.REVOCATION_RESPONSE_REQUIRED);
        assertThat(f.evidence())
                .containsEntry("requirement", "kSecRevocationRequirePositiveResponse")
                .containsEntry("revocationState", e.result().state().name());
        assertThat(f.message())
                .contains("has no valid OCSP response (state "
                        + e.result().state().name() + ")");
        assertThat(f.remedy())
                .isEqualTo("The server should staple a fresh OCSP response for '" + HOST + "' (and the"
                        + " CA's responder must answer): the app requires a positive revocation response.");

        Seen stapled = evaluate(
                privateTrust(pki, c)
                        .requirePositiveRevocationResponse()
                        .withStapledOcsp(pki.ocsp(c.leaf(), c.ca()).good().build()),
                c.served());
        assertThat(stapled.failure(FindingCode.REVOCATION_RESPONSE_REQUIRED)).isEmpty();
    }

    @Test
    void validDateConstraint_theRemedyFollowsTheRuleThatFired_notTheCauseText(TestPki pki) {
        Chain c = chain(pki);
        Instant cut = pki.now().minus(Duration.ofDays(30));
        InMemoryRevocationDatabase after = InMemoryRevocationDatabase.builder()
                .group(
                        group(
                                2,
                                EnumSet.of(ValidFlag.DATE_CONSTRAINTS),
                                Optional.empty(),
                                Optional.of(cut),
                                Optional.empty()),
                        sha256(c.ca()))
                .build();

        Seen s = evaluate(privateTrust(pki, c).withRevocationDatabase(after), c.served());

        ValidCheck.ValidEntry e = s.explained(FindingCode.REVOCATION, ValidCheck.ValidEntry.class, ValidCheck.INSTANCE);
        assertThat(e.failure().kind()).isEqualTo(ValidFailure.Kind.ISSUED_AFTER_NOT_AFTER);
        Finding f = s.finding(FindingCode.REVOCATION);
        assertThat(f.evidence())
                .containsEntry("source", "Valid database")
                .containsEntry("distrustAfter", cut.toString());
        assertThat(f.message()).endsWith(e.failure().cause() + " (Valid database, reason 0).");
        assertThat(f.remedy())
                .isEqualTo("The CA is distrusted by Apple for certificates issued after " + cut
                        + ": replace the certificate with one from another CA.");
        assertThat(f.rule().section()).isEqualTo("§9.2");

        InMemoryRevocationDatabase later = InMemoryRevocationDatabase.builder()
                .group(
                        group(
                                3,
                                EnumSet.of(ValidFlag.DATE_CONSTRAINTS),
                                Optional.empty(),
                                Optional.of(pki.now().plus(Duration.ofDays(30))),
                                Optional.empty()),
                        sha256(c.ca()))
                .build();
        Seen inside = evaluate(privateTrust(pki, c).withRevocationDatabase(later), c.served());
        assertThat(inside.report().trusted()).as(inside.report().explain()).isTrue();
        assertThat(inside.failures()).noneMatch(f2 -> f2.evidence().record() instanceof ValidCheck.ValidEntry);
    }

    @Test
    void ctRequired_byAValidGroup_namesTheGroup_andAQualifiedPathPasses(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain bare = chain(pki);
        InMemoryRevocationDatabase db = InMemoryRevocationDatabase.builder()
                .group(
                        group(
                                5,
                                EnumSet.of(ValidFlag.REQUIRE_CT),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        sha256(bare.ca()))
                .build();

        Seen s = evaluate(privateTrust(pki, bare).withRevocationDatabase(db), bare.served());

        CtRequiredCheck.RequiredByValid e =
                s.explained(FindingCode.CT_REQUIRED, CtRequiredCheck.RequiredByValid.class, CtRequiredCheck.INSTANCE);
        assertThat(e.requiringPosition()).isZero();
        assertThat(e.overridable()).isFalse();
        assertThat(e.ct().evaluation().qualified()).isFalse();
        Finding f = s.finding(FindingCode.CT_REQUIRED);
        assertThat(f.evidence())
                .containsEntry("requiredBy", "Valid database group of certificate 1")
                .containsEntry("overridable", false)
                .containsEntry("ctSummary", e.ct().evaluation().summary());
        assertThat(f.message())
                .isEqualTo("CTRequired: " + e.ct().evaluation().summary()
                        + "; CT required by the Valid database group of certificate 1.");
        assertThat(f.remedy()).startsWith("Apple requires CT for certificates of this CA: Reissue the certificate");

        Chain logged = publicChain(pki, pki.now().minus(Duration.ofDays(1)), 90, logs);
        InMemoryRevocationDatabase db2 = InMemoryRevocationDatabase.builder()
                .group(
                        group(
                                5,
                                EnumSet.of(ValidFlag.REQUIRE_CT),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        sha256(logged.ca()))
                .build();
        Seen qualified = evaluate(
                SecTrust.ios("17.4")
                        .forServer(HOST)
                        .at(pki.now())
                        .withAnchors(certs(logged.root()))
                        .withCtLogs(usableList(logs))
                        .withRevocationDatabase(db2),
                logged.served());
        assertThat(qualified.failure(FindingCode.CT_REQUIRED)).isEmpty();
        assertThat(qualified
                        .explained(
                                FindingCode.CERTIFICATE_TRANSPARENCY,
                                CertificateTransparencyNote.CtResult.class,
                                CertificateTransparencyNote.INSTANCE)
                        .ct()
                        .evaluation()
                        .qualified())
                .isTrue();
    }

    @Test
    void systemTrustedCtRequired_carriesTheDecisionAndTheCtEvaluation_andSctsFromTwoLogsPass(TestPki pki) {
        Chain c = publicChain(pki, pki.now().minus(Duration.ofDays(1)), 90, List.of());

        Seen s = evaluate(
                SecTrust.ios("17.4").forServer(HOST).at(pki.now()).withExtraSystemRoots(certs(c.root())), c.served());

        SystemTrustedCtRequiredCheck.NotQualified e = s.explained(
                FindingCode.SYSTEM_TRUSTED_CT_REQUIRED,
                SystemTrustedCtRequiredCheck.NotQualified.class,
                SystemTrustedCtRequiredCheck.INSTANCE);
        assertThat(e.decision().fails()).isTrue();
        Finding f = s.finding(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED);
        assertThat(f.evidence())
                .containsEntry("ctRequirement", "FAILS")
                .containsEntry("qualified", false)
                .containsKey("logListSource");
        assertThat(List.copyOf(f.evidence().keySet()).subList(0, 3))
                .containsExactly("ctRequirement", "ctRequired", "detail");
        assertThat(f.message())
                .isEqualTo("SystemTrustedCTRequired: " + e.ct().evaluation().summary() + "; "
                        + e.decision().detail() + ".");
        assertThat(f.remedy()).contains("embedded SCTs from 2 logs");

        List<TestCtLog> logs = logs(pki, 2);
        Chain logged = publicChain(pki, pki.now().minus(Duration.ofDays(1)), 90, logs);
        Seen ok = evaluate(
                SecTrust.ios("17.4")
                        .forServer(HOST)
                        .at(pki.now())
                        .withExtraSystemRoots(certs(logged.root()))
                        .withCtLogs(usableList(logs)),
                logged.served());
        assertThat(ok.report().trusted()).as(ok.report().explain()).isTrue();
        assertThat(ok.failure(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED)).isEmpty();
    }

    @Test
    void extendedValidation_isANoteWithThePoliciesAndOrganization_onlyWithEnoughScts(TestPki pki) {
        List<TestCtLog> logs = logs(pki, 2);
        Chain c = evChain(pki, logs);
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .withExtraSystemRoots(certs(c.root()))
                .withExtraEvRoot(
                        io.github.sectrust4j.cert.Certificate.parse(c.root().der()), EV_OID);

        Seen ev = evaluate(trust.withCtLogs(usableList(logs)), c.served());

        ExtendedValidationNote.EvPath e = ev.explained(
                FindingCode.EXTENDED_VALIDATION, ExtendedValidationNote.EvPath.class, ExtendedValidationNote.INSTANCE);
        assertThat(e.policies()).contains(EV_OID);
        assertThat(e.organization()).containsExactly("Example Bank");
        Finding f = ev.finding(FindingCode.EXTENDED_VALIDATION);
        assertThat(f.message())
                .isEqualTo("ExtendedValidation: the path qualifies as Extended Validation (policies " + e.policies()
                        + "; " + e.ctSummary() + ")");
        assertThat(f.remedy()).isEqualTo("None: informational.");

        Seen notEv = evaluate(trust.withCtLogs(usableList(List.of(logs.get(0)))), c.served());
        assertThat(notEv.failure(FindingCode.EXTENDED_VALIDATION)).isEmpty();
    }

    @Test
    void ctLogListMayBeOutdated_namesTheUnknownLogs_andHowToGetACurrentList(TestPki pki) {
        Instant listDate = Instant.parse("2025-03-01T00:00:00Z");
        Instant notBefore = listDate.plus(Duration.ofDays(30));
        TestPki then = pki.at(notBefore.minus(Duration.ofDays(1)));
        TestCtLog known = then.ctLog("Listed Log");
        TestCtLog newer = then.ctLog("Log Added Later");
        Chain c = publicChain(then, notBefore, 90, List.of(known, newer));
        SecTrust trust = SecTrust.ios("18.0")
                .forServer(HOST)
                .at(notBefore.plus(Duration.ofDays(10)))
                .withExtraSystemRoots(certs(c.root()));

        Seen s =
                evaluate(trust.withCtLogs(usableList(List.of(known)).withSource("test list v1", listDate)), c.served());

        CtLogListAgeNote.UnknownLogs e = s.explained(
                FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED, CtLogListAgeNote.UnknownLogs.class, CtLogListAgeNote.INSTANCE);
        assertThat(e.unknownLogIds()).hasSize(1);
        assertThat(e.logListDate()).isEqualTo(listDate);
        Finding f = s.finding(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED);
        assertThat(f.message()).startsWith("CTLogListMayBeOutdated: 1 SCT log is unknown to the test list v1");
        assertThat(f.remedy()).isEqualTo("To judge with a current list, " + CtEvidence.HOW_TO_UPDATE);
        // the CT failure judged with that list says so, and its remedy starts with the list
        assertThat(s.explained(
                                FindingCode.SYSTEM_TRUSTED_CT_REQUIRED,
                                SystemTrustedCtRequiredCheck.NotQualified.class,
                                SystemTrustedCtRequiredCheck.INSTANCE)
                        .ct()
                        .logListMayBeOutdated())
                .isTrue();
        assertThat(s.finding(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED).remedy()).startsWith("First check with a current");

        Seen current = evaluate(
                trust.withCtLogs(usableList(List.of(known, newer)).withSource("test list v2", listDate)), c.served());
        assertThat(current.failure(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED)).isEmpty();
    }

    @Test
    void pathBudgetExceeded_namesTheLimitAndTheCounts(TestPki pki) {
        List<HeldCertificate> longChain = PathLimitsTest.chainOf(pki, 110);
        HeldCertificate root = longChain.get(longChain.size() - 1);
        SecTrust trust = SecTrust.ios("17.4")
                .forServer(HOST)
                .at(pki.now())
                .ctKillSwitch(true)
                .withExtraSystemRoots(certs(root));

        Seen s =
                evaluate(trust, certs(longChain.subList(0, longChain.size() - 1).toArray(new HeldCertificate[0])));

        PathBudgetCheck.Exhausted e = s.explained(
                FindingCode.PATH_BUDGET_EXCEEDED, PathBudgetCheck.Exhausted.class, PathBudgetCheck.INSTANCE);
        assertThat(e.limitReached()).isEqualTo("maxPaths");
        assertThat(e.maxPaths()).isEqualTo(PathBudget.DEFAULT.maxPaths());
        Finding f = s.finding(FindingCode.PATH_BUDGET_EXCEEDED);
        assertThat(f.evidence())
                .containsEntry("limitReached", "maxPaths")
                .containsEntry("pathsCreated", e.pathsCreated());
        assertThat(f.message()).contains("stopped at its limit maxPaths after " + e.pathsCreated() + " paths");
        assertThat(f.remedy()).contains("SecTrust.withBudget");

        List<HeldCertificate> shortChain = PathLimitsTest.chainOf(pki, 5);
        Seen fits = evaluate(
                SecTrust.ios("17.4")
                        .forServer(HOST)
                        .at(pki.now())
                        .ctKillSwitch(true)
                        .withExtraSystemRoots(certs(shortChain.get(4))),
                certs(shortChain.subList(0, 4).toArray(new HeldCertificate[0])));
        assertThat(fits.failure(FindingCode.PATH_BUDGET_EXCEEDED)).isEmpty();
    }

    @Test
    void verificationBudgetExceeded_countsTheVerificationsByKind(TestPki pki) {
        Chain c = chain(pki);

        Seen s = evaluate(privateTrust(pki, c).withBudget(PathBudget.DEFAULT.withMaxVerifications(1)), c.served());

        VerificationBudgetCheck.Exhausted e = s.explained(
                FindingCode.VERIFICATION_BUDGET_EXCEEDED,
                VerificationBudgetCheck.Exhausted.class,
                VerificationBudgetCheck.INSTANCE);
        assertThat(e.maxVerifications()).isEqualTo(1);
        Finding f = s.finding(FindingCode.VERIFICATION_BUDGET_EXCEEDED);
        assertThat(f.evidence())
                .containsEntry("maxVerifications", 1)
                .containsEntry("raiseWith", "SecTrust.withBudget(PathBudget.DEFAULT.withMaxVerifications(n))");
        assertThat(f.message()).contains("(limit maxVerifications = 1: " + e.certificateSignatures() + " certificate");
        assertThat(f.remedy()).contains("raise the limit");

        Seen enough = evaluate(privateTrust(pki, c), c.served());
        assertThat(enough.report().trusted()).as(enough.report().explain()).isTrue();
        assertThat(enough.failure(FindingCode.VERIFICATION_BUDGET_EXCEEDED)).isEmpty();
    }

    @Test
    void everyIntegrationDescriptorIsInTheCatalogue_forItsCode() {
        for (CheckDescriptor d : List.of(
                RevocationCheck.INSTANCE,
                RevocationResponseRequiredCheck.INSTANCE,
                CtRequiredCheck.INSTANCE,
                SystemTrustedCtRequiredCheck.INSTANCE,
                ExtendedValidationNote.INSTANCE,
                CertificateTransparencyNote.INSTANCE)) {
            assertThat(AppleChecks.explaining(d.code())).contains(d);
            assertThat(d.appliesTo(RuleSet.forRelease(IosRelease.NEWEST), io.github.sectrust4j.Policy.SSL_SERVER))
                    .isTrue();
        }
        assertThat(AppleChecks.explaining(FindingCode.ISSUER_POLICY_CONSTRAINTS))
                .contains(ValidCheck.INSTANCE);
    }
}
