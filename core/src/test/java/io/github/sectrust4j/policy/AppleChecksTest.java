package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's invariants over every descriptor — the checks that run in {@code policy} and those computed
 * elsewhere (RFC 5280 processing, revocation, Valid, CT, EV, the evaluation budgets): one explaining check per code
 * and per evidence record, and no check that runs or applies without counting.
 */
class AppleChecksTest {

    @Test
    void everyRecordedCodeIsExplainedByExactlyOneCheck() {
        Set<FindingCode> seen = new HashSet<>();
        Set<Class<? extends Evidence>> records = new HashSet<>();
        for (CheckDescriptor c : AppleChecks.descriptors()) {
            for (Class<? extends Evidence> type : c.evidenceTypes()) {
                assertThat(records.add(type)).as(type + " explained twice").isTrue();
            }
            // a check recording under another check's name (WoSign/StartCom under BlackListedKey) claims none
            assertThat(c.recordedAs().isEmpty() || c.recordedAs().contains(c.code()))
                    .as(c.code().code())
                    .isTrue();
            assertThat(AppleChecks.explaining(c.code()))
                    .as(c.code() + " explained")
                    .isPresent();
            for (FindingCode code : c.recordedAs()) {
                assertThat(seen.add(code)).as(code + " explained twice").isTrue();
                assertThat(AppleChecks.explaining(code)).contains(c);
            }
        }
        assertThat(seen)
                .contains(
                        FindingCode.KEY_SIZE,
                        FindingCode.REVOCATION,
                        FindingCode.REVOCATION_RESPONSE_REQUIRED,
                        FindingCode.ISSUER_POLICY_CONSTRAINTS,
                        FindingCode.CT_REQUIRED,
                        FindingCode.SYSTEM_TRUSTED_CT_REQUIRED,
                        FindingCode.CERTIFICATE_TRANSPARENCY,
                        FindingCode.EXTENDED_VALIDATION,
                        FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED,
                        FindingCode.PATH_BUDGET_EXCEEDED,
                        FindingCode.VERIFICATION_BUDGET_EXCEEDED);
    }

    /**
     * A check that runs for a (release, policy) must be one the policy records: otherwise the recorder drops its
     * failures silently (the bug the catalogue exists to prevent).
     */
    @Test
    void everyRunningCheckCountsInItsReleaseAndPolicy() {
        List<String> silent = new ArrayList<>();
        int pairs = 0;
        for (IosRelease release : everyModelledRelease()) {
            RuleSet rules = RuleSet.forRelease(release);
            for (Policy policy : Policy.values()) {
                for (boolean hostGiven : new boolean[] {true, false}) {
                    Set<FindingCode> recorded = rules.options(policy, hostGiven);
                    for (CheckStage stage : CheckStage.values()) {
                        for (AppleCheck c : AppleChecks.running(rules, policy, stage)) {
                            if (!hostGiven && c.code() == FindingCode.SSL_HOSTNAME) {
                                continue; // no host, no SSLHostname option (§1.2): iOS does not record it
                            }
                            pairs++;
                            // under the name the recorder gives it at each position (ValidLeaf … before iOS 11.3)
                            for (int index = 0; index <= 2; index++) {
                                FindingCode code = rules.recordedCode(c.code(), index, 2);
                                if (!recorded.contains(code) && !rules.isForced(code)) {
                                    silent.add(code + " runs but is not recorded: iOS " + release + ", " + policy
                                            + (hostGiven ? "" : ", no host"));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(pairs).as("checks that ran at least once (coverage)").isPositive();
        assertThat(silent).isEmpty();
    }

    /** A failure is explained by the check whose record it carries, even under another check's code. */
    @Test
    void aValidEntryRecordedUnderTheBlockListCode_isExplainedByTheValidCheck() {
        Failure valid = new Failure(
                FindingCode.BLACK_LISTED_LEAF,
                0,
                io.github.sectrust4j.Severity.FATAL,
                new ValidCheck.ValidEntry(
                        new io.github.sectrust4j.revocation.internal.ValidFailure(
                                0,
                                FindingCode.BLACK_LISTED_LEAF,
                                io.github.sectrust4j.Severity.FATAL,
                                java.util.OptionalInt.empty(),
                                "on the issuer's Valid block list",
                                io.github.sectrust4j.revocation.internal.ValidFailure.Kind.LISTED),
                        java.util.Optional.empty()));
        assertThat(AppleChecks.explaining(valid)).contains(ValidCheck.INSTANCE);
        // a marker the recorder adds (a suppressed failure's note) keeps the record readable
        Failure note = new Failure(
                FindingCode.BLACK_LISTED_LEAF,
                0,
                io.github.sectrust4j.Severity.INFO,
                valid.evidence().with("suppressedByUserException", true));
        assertThat(AppleChecks.explaining(note)).contains(ValidCheck.INSTANCE);
        assertThat(note.evidence(ValidCheck.ValidEntry.class)).isEqualTo(valid.evidence());
        assertThat(note.evidence().fields())
                .containsEntry("suppressedByUserException", true)
                .containsEntry("source", "Valid database");
    }

    /** A descriptor whose check applies in a release and policy names a code that release records. */
    @Test
    void everyApplyingDescriptorCounts() {
        List<String> silent = new ArrayList<>();
        int pairs = 0;
        for (IosRelease release : everyModelledRelease()) {
            RuleSet rules = RuleSet.forRelease(release);
            for (Policy policy : Policy.values()) {
                for (boolean hostGiven : new boolean[] {true, false}) {
                    Set<FindingCode> recorded = rules.options(policy, hostGiven);
                    for (CheckDescriptor c : AppleChecks.descriptors()) {
                        if (!c.appliesTo(rules, policy)
                                || c.code().defaultSeverity() == io.github.sectrust4j.Severity.INFO
                                || (!hostGiven && c.code() == FindingCode.SSL_HOSTNAME)) {
                            continue;
                        }
                        pairs++;
                        for (int index = 0; index <= 2; index++) { // the name recorded at each position
                            FindingCode code = rules.recordedCode(c.code(), index, 2);
                            if (!recorded.contains(code) && !rules.isForced(code)) {
                                silent.add(code + " applies but is not recorded: iOS " + release + ", " + policy
                                        + (hostGiven ? "" : ", no host"));
                            }
                        }
                    }
                }
            }
        }
        assertThat(pairs)
                .as("descriptors that applied at least once (coverage)")
                .isGreaterThan(20);
        assertThat(silent).isEmpty();
    }

    /** Every release of the table (each row's own release, the boundaries 11.2/11.3, 12.1/12.1.1 … included). */
    private static List<IosRelease> everyModelledRelease() {
        return io.github.sectrust4j.truststores.IosReleases.all().stream()
                .map(r -> IosRelease.parse(r.release()))
                .distinct()
                .toList();
    }

    /**
     * RFC 5280 processing and the parent checks run what the catalogue says: every {@link Rfc5280Check} is carried
     * by exactly one descriptor, the one that explains the code it records, and the set handed down to
     * {@code policy.rfc5280} in a release is the union of what the descriptors carry there.
     */
    @Test
    void rfc5280ChecksDeriveFromTheirDescriptors() {
        RuleSet newest = RuleSet.forRelease(IosRelease.NEWEST);
        Map<Rfc5280Check, CheckDescriptor> carrier = new EnumMap<>(Rfc5280Check.class);
        for (CheckDescriptor c : AppleChecks.descriptors()) {
            for (Rfc5280Check step : c.rfc5280Checks(newest)) {
                assertThat(carrier.put(step, c)).as(step + " carried twice").isNull();
            }
        }
        assertThat(carrier.keySet())
                .as("every RFC 5280 check has a descriptor")
                .containsExactlyInAnyOrder(Rfc5280Check.values());
        carrier.forEach((step, c) -> assertThat(AppleChecks.explaining(step.code()))
                .as(step + " is explained by the descriptor that carries it")
                .contains(c));

        Set<String> runs = new java.util.TreeSet<>();
        for (IosRelease release : everyModelledRelease()) {
            RuleSet rules = RuleSet.forRelease(release);
            Set<Rfc5280Check> expected = EnumSet.noneOf(Rfc5280Check.class);
            AppleChecks.descriptors().forEach(c -> expected.addAll(c.rfc5280Checks(rules)));
            assertThat(rules.rfc5280Rules().checks()).as("iOS " + release).isEqualTo(expected);
            assertThat(rules.rfc5280Rules().runs(Rfc5280Check.WEAK_KEY)).isEqualTo(rules.weakKeyCheck());
            assertThat(rules.rfc5280Rules().runs(Rfc5280Check.WEAK_SIGNATURE)).isEqualTo(rules.weakSignatureCheck());
            for (Rfc5280Check step : rules.rfc5280Rules().checks()) {
                runs.add(step.name());
                for (Policy policy : Policy.values()) {
                    Set<FindingCode> recorded = rules.options(policy, true);
                    for (int index = 0; index <= 2; index++) { // the name recorded at each position
                        FindingCode code = rules.recordedCode(step.code(), index, 2);
                        assertThat(recorded.contains(code) || rules.isForced(code))
                                .as(step + " runs but " + code + " is not recorded: iOS " + release + ", " + policy)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(runs)
                .as("coverage: every RFC 5280 check ran in some release")
                .hasSize(Rfc5280Check.values().length);
        assertThat(RuleSet.forRelease(IosRelease.parse("9.3")).rfc5280Rules().checks())
                .as("before iOS 10 neither weak-key nor weak-signature checks run")
                .doesNotContain(Rfc5280Check.WEAK_KEY, Rfc5280Check.WEAK_SIGNATURE)
                .contains(Rfc5280Check.TEMPORAL_VALIDITY, Rfc5280Check.KEY_CERT_SIGN);
    }
}
