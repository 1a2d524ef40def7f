package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.text.AsciiCase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SystemTrustedCTRequired} check (spec §8.1) as a pure function of explicit inputs: does
 * the path fail because CT is required and missing? Also the CT condition of EV (§10).
 */
public final class SystemTrustedCtRequirement {
    /** Leaves with notBefore on or after this instant need CT (§8.1 condition 4). */
    public static final Instant ENFORCEMENT_CUTOFF = Instant.parse("2018-10-16T00:00:00Z");

    private SystemTrustedCtRequirement() {}

    /** Why the check passed, or that it failed; conditions in the order of §8.1. */
    public enum Outcome {
        /** Release before 12.1.1: no enforcement code. */
        RELEASE_BEFORE_ENFORCEMENT,
        /** The policy is not the SSL server policy (condition 2). */
        NOT_SSL_SERVER_POLICY,
        /** The CT kill switch is on (condition 1). */
        KILL_SWITCH_ON,
        /** The bundled log list is stale and no trusted logs were supplied (condition 3). */
        LOG_LIST_STALE,
        /** Leaf notBefore before 2018-10-16 (condition 4). */
        ISSUED_BEFORE_CUTOFF,
        /** Leaf not valid at the verify time: reported as expired (or not yet valid) only (condition 4). */
        LEAF_NOT_VALID_AT_VERIFY_TIME,
        /** The path is not anchored at a system-store root (condition 5). */
        NOT_SYSTEM_ANCHORED,
        /** The top certificate is one of Apple's hard-coded roots (condition 5). */
        APPLE_ROOT,
        /** The path is CT-qualified (condition 6). */
        CT_QUALIFIED,
        /** An MDM exception names the host (§8.6). */
        MDM_DOMAIN_EXCEPTION,
        /** An MDM exception names the leaf's key (§8.6). */
        MDM_LEAF_KEY_EXCEPTION,
        /** An MDM exception names an organization-bound CA's key (§8.6). */
        MDM_CA_KEY_EXCEPTION,
        /** All conditions hold: {@code SystemTrustedCTRequired} fails (Recoverable, −67825). */
        FAILS;

        public boolean isFailure() {
            return this == FAILS;
        }

        /** True if CT was required of this path, whatever the qualification (conditions 1–5 hold). */
        public boolean ctRequired() {
            return compareTo(CT_QUALIFIED) >= 0;
        }
    }

    /**
     * The decision with its reason.
     *
     * @param outcome the first condition of §8.1 that exempts the path, or {@link Outcome#FAILS}
     * @param detail  the concrete values behind it, in words
     */
    public record Decision(Outcome outcome, String detail) {
        public Decision {
            requireNonNull(outcome, "outcome");
            requireNonNull(detail, "detail");
        }

        public boolean fails() {
            return outcome.isFailure();
        }

        /** Evidence for a finding, in a stable order. */
        public Map<String, Object> evidence() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ctRequirement", outcome.name());
            m.put("ctRequired", outcome.ctRequired());
            m.put("detail", detail);
            return m;
        }
    }

    /**
     * The inputs of §8.1 and §8.6.
     *
     * @param rules              the CT rules of the iOS release
     * @param sslServerPolicy    the policy is Apple's sslServer policy with SystemTrustedCTRequired
     * @param killSwitchOn       the trust-supplementals CT kill switch
     * @param logList            where the trusted logs came from (freshness)
     * @param leafNotBefore      leaf notBefore
     * @param leafNotAfter       leaf notAfter
     * @param verifyTime         the verify instant
     * @param systemAnchored     the path is anchored and its top certificate is in the system trust store
     *                           (by bytes; an app anchor copy of a system root counts)
     * @param appleRoot          the top certificate is one of Apple's hard-coded roots
     * @param ctQualified        the path's CT qualification ({@link CtEvaluation#qualified()})
     * @param hostname           the SSL policy host name, if any
     * @param exceptions         MDM CT exceptions
     * @param leaf               the leaf's exception facts (null-free; use {@link Optional#empty()} if unknown)
     * @param cas                the exception facts of every other path certificate
     */
    public record Inputs(
            CtReleaseRules rules,
            boolean sslServerPolicy,
            boolean killSwitchOn,
            LogListProvenance logList,
            Instant leafNotBefore,
            Instant leafNotAfter,
            Instant verifyTime,
            boolean systemAnchored,
            boolean appleRoot,
            boolean ctQualified,
            Optional<String> hostname,
            CtExceptions exceptions,
            Optional<CtExceptionSubject> leaf,
            List<CtExceptionSubject> cas) {
        public Inputs {
            requireNonNull(rules, "rules");
            requireNonNull(logList, "logList");
            requireNonNull(leafNotBefore, "leafNotBefore");
            requireNonNull(leafNotAfter, "leafNotAfter");
            requireNonNull(verifyTime, "verifyTime");
            requireNonNull(hostname, "hostname");
            requireNonNull(exceptions, "exceptions");
            requireNonNull(leaf, "leaf");
            cas = ImmutableList.copyOf(cas);
        }

        /**
         * Starts inputs with the defaults: SSL server policy, kill switch off, fresh release list
         * ({@link LogListProvenance#RELEASE_LIST_FRESH}), not system-anchored, not qualified, no host,
         * no exceptions.
         */
        public static Builder builder(
                CtReleaseRules rules, Instant leafNotBefore, Instant leafNotAfter, Instant verifyTime) {
            return new Builder(rules, leafNotBefore, leafNotAfter, verifyTime);
        }

        /** The iOS release of {@link #rules()}. */
        public IosRelease release() {
            return rules.release();
        }
    }

    /** Builder for {@link Inputs}. */
    public static final class Builder {
        private final CtReleaseRules rules;
        private final Instant leafNotBefore;
        private final Instant leafNotAfter;
        private final Instant verifyTime;
        private boolean sslServerPolicy = true;
        private boolean killSwitchOn;
        private LogListProvenance logList = LogListProvenance.RELEASE_LIST_FRESH;
        private boolean systemAnchored;
        private boolean appleRoot;
        private boolean ctQualified;
        private Optional<String> hostname = Optional.empty();
        private CtExceptions exceptions = CtExceptions.none();
        private Optional<CtExceptionSubject> leaf = Optional.empty();
        private List<CtExceptionSubject> cas = List.of();

        private Builder(CtReleaseRules rules, Instant leafNotBefore, Instant leafNotAfter, Instant verifyTime) {
            this.rules = rules;
            this.leafNotBefore = leafNotBefore;
            this.leafNotAfter = leafNotAfter;
            this.verifyTime = verifyTime;
        }

        public Builder sslServerPolicy(boolean value) {
            this.sslServerPolicy = value;
            return this;
        }

        public Builder killSwitchOn(boolean value) {
            this.killSwitchOn = value;
            return this;
        }

        public Builder logList(LogListProvenance value) {
            this.logList = requireNonNull(value, "logList");
            return this;
        }

        /** The path is anchored at a system-store root; {@code appleRoot} if it is an Apple hard-coded root. */
        public Builder systemAnchored(boolean value, boolean appleRoot) {
            this.systemAnchored = value;
            this.appleRoot = appleRoot;
            return this;
        }

        public Builder ctQualified(boolean value) {
            this.ctQualified = value;
            return this;
        }

        public Builder hostname(String value) {
            this.hostname = Optional.ofNullable(value);
            return this;
        }

        /** MDM exceptions, with the exception facts of the leaf and of the other path certificates. */
        public Builder exceptions(CtExceptions value, CtExceptionSubject leaf, List<CtExceptionSubject> cas) {
            this.exceptions = requireNonNull(value, "exceptions");
            this.leaf = Optional.ofNullable(leaf);
            this.cas = requireNonNull(cas, "cas");
            return this;
        }

        public Inputs build() {
            return new Inputs(
                    rules,
                    sslServerPolicy,
                    killSwitchOn,
                    logList,
                    leafNotBefore,
                    leafNotAfter,
                    verifyTime,
                    systemAnchored,
                    appleRoot,
                    ctQualified,
                    hostname,
                    exceptions,
                    leaf,
                    cas);
        }
    }

    /** Decides {@code SystemTrustedCTRequired} for one path (§8.1 conditions 1–6, §8.6). */
    public static Decision decide(Inputs in) {
        requireNonNull(in, "inputs");
        if (!in.rules().systemTrustedCtRequired()) {
            return new Decision(
                    Outcome.RELEASE_BEFORE_ENFORCEMENT, "iOS " + in.release() + " does not enforce CT (from 12.1.1)");
        }
        if (in.killSwitchOn()) {
            return new Decision(Outcome.KILL_SWITCH_ON, "the CT kill switch is on");
        }
        if (!in.sslServerPolicy()) {
            return new Decision(Outcome.NOT_SSL_SERVER_POLICY, "not the SSL server policy");
        }
        if (!in.logList().enforces()) {
            return new Decision(
                    Outcome.LOG_LIST_STALE,
                    "the device's CT log list is older than 60 days and no trusted logs were supplied");
        }
        if (in.leafNotBefore().isBefore(ENFORCEMENT_CUTOFF)) {
            return new Decision(
                    Outcome.ISSUED_BEFORE_CUTOFF,
                    "leaf notBefore " + in.leafNotBefore() + " is before " + ENFORCEMENT_CUTOFF);
        }
        if (in.verifyTime().isBefore(in.leafNotBefore()) || in.verifyTime().isAfter(in.leafNotAfter())) {
            return new Decision(
                    Outcome.LEAF_NOT_VALID_AT_VERIFY_TIME,
                    "leaf is not valid at " + in.verifyTime() + " (valid " + in.leafNotBefore() + " to "
                            + in.leafNotAfter() + "); reported as a validity failure");
        }
        if (!in.systemAnchored()) {
            return new Decision(Outcome.NOT_SYSTEM_ANCHORED, "the path is not anchored at a system-store root");
        }
        if (in.appleRoot()) {
            return new Decision(Outcome.APPLE_ROOT, "the path ends at an Apple root, which CT exempts");
        }
        if (in.ctQualified()) {
            return new Decision(Outcome.CT_QUALIFIED, "the path is CT-qualified");
        }
        Optional<Decision> excepted = mdmException(in);
        if (excepted.isPresent()) {
            return excepted.get();
        }
        return new Decision(
                Outcome.FAILS,
                "a system-trusted leaf issued on or after " + ENFORCEMENT_CUTOFF + " is not CT-qualified");
    }

    /**
     * The entry of {@code exceptions} that covers this host, or null: an entry equal to the host (ASCII case folded, §3.3),
     * or an entry starting with "." that is a suffix of a longer host or equals "." + host. Entries are
     * taken literally, as iOS takes them (so "." covers any host with a trailing dot).
     */
    static String domainMatching(CtExceptions exceptions, String host) {
        if (host == null) {
            return null;
        }
        for (String entry : exceptions.domains()) {
            if (AsciiCase.equals(entry, host)) {
                return entry;
            }
            if (entry.startsWith(".")) {
                int e = entry.length();
                int h = host.length();
                if (h > e && AsciiCase.regionEquals(host, h - e, entry, 0, e)) {
                    return entry;
                }
                if (h + 1 == e && AsciiCase.regionEquals(entry, 1, host, 0, h)) {
                    return entry;
                }
            }
        }
        return null;
    }

    private static Optional<Decision> mdmException(Inputs in) {
        CtExceptions ex = in.exceptions();
        String domain = in.hostname().map(h -> domainMatching(ex, h)).orElse(null);
        if (domain != null) {
            return Optional.of(new Decision(
                    Outcome.MDM_DOMAIN_EXCEPTION,
                    "MDM CT exception '" + domain + "' covers host "
                            + in.hostname().get()));
        }
        if (in.leaf().isEmpty()) {
            return Optional.empty();
        }
        CtExceptionSubject leaf = in.leaf().get();
        if (ex.spkiSha256().contains(leaf.spkiSha256Base64())) {
            return Optional.of(new Decision(
                    Outcome.MDM_LEAF_KEY_EXCEPTION, "MDM CT exception names the leaf key " + leaf.spkiSha256Base64()));
        }
        for (CtExceptionSubject ca : in.cas()) {
            // a CA key exempts only an organization-bound CA (§8.6); iOS compares organization lists
            // only when both certificates have one, so two empty lists are not "equal"
            boolean organizationBound = ca.permittedSubtreesOrganization()
                    || (!leaf.organizations().isEmpty() && leaf.organizations().equals(ca.organizations()));
            if (ex.spkiSha256().contains(ca.spkiSha256Base64()) && organizationBound) {
                return Optional.of(new Decision(
                        Outcome.MDM_CA_KEY_EXCEPTION, "MDM CT exception names the CA key " + ca.spkiSha256Base64()));
            }
        }
        return Optional.empty();
    }

    /**
     * The CT condition of EV (§10, §8.5): from iOS 10 an EV path must be CT-qualified, unless the kill
     * switch is on or the log list is stale. True if the condition does not stand in EV's way.
     */
    public static boolean evCtConditionMet(
            CtReleaseRules rules, boolean ctQualified, LogListProvenance logList, boolean killSwitchOn) {
        if (!rules.evRequiresCt() || killSwitchOn || !logList.enforces()) {
            return true;
        }
        return ctQualified;
    }
}
