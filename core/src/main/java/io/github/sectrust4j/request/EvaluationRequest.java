package io.github.sectrust4j.request;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.spi.AiaFetcher;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one evaluation depends on (evaluation is a pure function of this value). Built by
 * {@link io.github.sectrust4j.SecTrust}; internal.
 *
 * @param release            the iOS release whose rules apply
 * @param policy             SSL server or basic X.509
 * @param referenceHost      the reference host name or IP literal as the name check reads it (§3); empty = no name
 *                           check (§1.2)
 * @param verifyTime         the verify date: certificate validity, SCT timestamps, policy dates (§1.1)
 * @param currentTime        the "real clock" iOS uses for OCSP freshness and Valid dates (§14.3); defaults to verifyTime
 * @param presented          the certificates the server sent, leaf first, in the order given (duplicates removed)
 * @param appAnchors         {@code SecTrustSetAnchorCertificates}
 * @param anchorsOnly        only app anchors are trusted (§1.1)
 * @param userRoots          the device's user trust store
 * @param cachedIntermediates certificates the device already has (keychain parent source, §1.3)
 * @param systemStore        the Apple trust store of the release (or an explicit version); empty = no system roots
 * @param extraSystemRoots   roots treated as members of the system store (BATCH-CONTRACT {@code extraSystemRoots})
 * @param ocspResponses      stapled OCSP responses (DER)
 * @param scts               SCTs from the TLS extension (raw, each one SCT)
 * @param network            whether fetchers may be used (§1.1 network fetch): true when an AIA or OCSP fetcher is given
 * @param aiaFetcher         the AIA fetcher, used only when {@code network} is true
 * @param budget             limits on path building
 * @param ct                 CT inputs: caller log list, list freshness, kill switch, MDM exceptions (§8)
 * @param revocation         revocation inputs: Valid database, positive-response requirement, revocation policy,
 *                           OCSP fetcher (§9)
 * @param extraEvRoots       EV policy OIDs per root SHA-256 (upper-case hex), added to the store's EV roots (§10):
 *                           a root that is not an Apple EV root (e.g. an extra system root) can anchor EV paths
 * @param exceptions         the user's exceptions ({@code SecTrustSetExceptions}, §12.4) and the exception epoch
 * @param requiredKeyUsage   {@code SecPolicyCreateSSLWithKeyUsage}: Apple's SecKeyUsage bits the SSL policy
 *                           requires of the leaf (§2.2 {@code KeyUsage}); 0 = none (plain {@code SecPolicyCreateSSL})
 */
public record EvaluationRequest(
        IosRelease release,
        Policy policy,
        Optional<ReferenceHost> referenceHost,
        Instant verifyTime,
        Instant currentTime,
        List<Certificate> presented,
        List<Certificate> appAnchors,
        boolean anchorsOnly,
        List<UserRoot> userRoots,
        List<Certificate> cachedIntermediates,
        Optional<AppleTrustStore> systemStore,
        List<Certificate> extraSystemRoots,
        List<byte[]> ocspResponses,
        List<byte[]> scts,
        boolean network,
        Optional<AiaFetcher> aiaFetcher,
        PathBudget budget,
        CtInputs ct,
        RevocationInputs revocation,
        Map<String, List<String>> extraEvRoots,
        ExceptionInputs exceptions,
        int requiredKeyUsage) {
    public EvaluationRequest {
        requireNonNull(release, "release");
        requireNonNull(policy, "policy");
        requireNonNull(referenceHost, "referenceHost");
        requireNonNull(verifyTime, "verifyTime");
        requireNonNull(currentTime, "currentTime");
        presented = List.copyOf(presented);
        if (presented.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate (the leaf) is required");
        }
        appAnchors = List.copyOf(appAnchors);
        userRoots = List.copyOf(userRoots);
        cachedIntermediates = List.copyOf(cachedIntermediates);
        requireNonNull(systemStore, "systemStore");
        extraSystemRoots = List.copyOf(extraSystemRoots);
        // (empty inputs, the usual case, skip the stream: unmodifiable empty lists that, like Stream.toList,
        // answer queries with null)
        ocspResponses = ocspResponses.isEmpty()
                ? Collections.emptyList()
                : ocspResponses.stream().map(byte[]::clone).toList();
        scts = scts.isEmpty()
                ? Collections.emptyList()
                : scts.stream().map(byte[]::clone).toList();
        requireNonNull(aiaFetcher, "aiaFetcher");
        requireNonNull(budget, "budget");
        requireNonNull(ct, "ct");
        requireNonNull(revocation, "revocation");
        requireNonNull(exceptions, "exceptions");
        if (extraEvRoots.isEmpty()) {
            extraEvRoots = Collections.emptyMap(); // like the unmodifiable LinkedHashMap: null lookups allowed
        } else {
            Map<String, List<String>> ev = new LinkedHashMap<>();
            extraEvRoots.forEach((k, v) -> ev.put(k.toUpperCase(Locale.ROOT), List.copyOf(v)));
            extraEvRoots = Collections.unmodifiableMap(ev);
        }
    }

    /**
     * A request for {@code presented} (leaf first) at {@code verifyTime} under {@code release}'s {@code policy}; every
     * other input starts at its default: no host, current time = verify time, no anchors, user roots, cached
     * intermediates, system store, OCSP responses or SCTs, no network, the default budget, CT, revocation and
     * exception inputs, no extra EV roots, no required key usage.
     */
    public static Builder builder(IosRelease release, Policy policy, Instant verifyTime, List<Certificate> presented) {
        return new Builder(release, policy, verifyTime, presented);
    }

    /** A builder holding this request's inputs, to change some of them. */
    public Builder toBuilder() {
        return new Builder(release, policy, verifyTime, presented)
                .referenceHost(referenceHost)
                .currentTime(currentTime)
                .appAnchors(appAnchors)
                .anchorsOnly(anchorsOnly)
                .userRoots(userRoots)
                .cachedIntermediates(cachedIntermediates)
                .systemStore(systemStore)
                .extraSystemRoots(extraSystemRoots)
                .ocspResponses(ocspResponses)
                .scts(scts)
                .network(network)
                .aiaFetcher(aiaFetcher)
                .budget(budget)
                .ct(ct)
                .revocation(revocation)
                .extraEvRoots(extraEvRoots)
                .exceptions(exceptions)
                .requiredKeyUsage(requiredKeyUsage);
    }

    /** The same request with other exceptions (everything else unchanged). */
    public EvaluationRequest withExceptions(ExceptionInputs value) {
        return toBuilder().exceptions(value).build();
    }

    /** The same request with another required key usage (everything else unchanged). */
    public EvaluationRequest withRequiredKeyUsage(int bits) {
        return bits == requiredKeyUsage
                ? this
                : toBuilder().requiredKeyUsage(bits).build();
    }

    /** The reference host's text as given (what the report and the CT exceptions name); empty = no name check. */
    public Optional<String> host() {
        return referenceHost.map(ReferenceHost::text);
    }

    /** The leaf: the first presented certificate. */
    public Certificate leaf() {
        return presented.get(0);
    }

    /** Collects a request's inputs; {@link #build} validates and copies them (the canonical constructor). */
    public static final class Builder {
        private final IosRelease release;
        private final Policy policy;
        private final Instant verifyTime;
        private final List<Certificate> presented;
        private Optional<ReferenceHost> referenceHost = Optional.empty();
        private Instant currentTime;
        private List<Certificate> appAnchors = List.of();
        private boolean anchorsOnly;
        private List<UserRoot> userRoots = List.of();
        private List<Certificate> cachedIntermediates = List.of();
        private Optional<AppleTrustStore> systemStore = Optional.empty();
        private List<Certificate> extraSystemRoots = List.of();
        private List<byte[]> ocspResponses = List.of();
        private List<byte[]> scts = List.of();
        private boolean network;
        private Optional<AiaFetcher> aiaFetcher = Optional.empty();
        private PathBudget budget = PathBudget.DEFAULT;
        private CtInputs ct = CtInputs.DEFAULT;
        private RevocationInputs revocation = RevocationInputs.DEFAULT;
        private Map<String, List<String>> extraEvRoots = Map.of();
        private ExceptionInputs exceptions = ExceptionInputs.NONE;
        private int requiredKeyUsage;

        private Builder(IosRelease release, Policy policy, Instant verifyTime, List<Certificate> presented) {
            this.release = release;
            this.policy = policy;
            this.verifyTime = verifyTime;
            this.presented = presented;
            this.currentTime = verifyTime;
        }

        public Builder referenceHost(Optional<ReferenceHost> value) {
            referenceHost = value;
            return this;
        }

        public Builder currentTime(Instant value) {
            currentTime = value;
            return this;
        }

        public Builder appAnchors(List<Certificate> value) {
            appAnchors = value;
            return this;
        }

        public Builder anchorsOnly(boolean value) {
            anchorsOnly = value;
            return this;
        }

        public Builder userRoots(List<UserRoot> value) {
            userRoots = value;
            return this;
        }

        public Builder cachedIntermediates(List<Certificate> value) {
            cachedIntermediates = value;
            return this;
        }

        public Builder systemStore(Optional<AppleTrustStore> value) {
            systemStore = value;
            return this;
        }

        public Builder extraSystemRoots(List<Certificate> value) {
            extraSystemRoots = value;
            return this;
        }

        public Builder ocspResponses(List<byte[]> value) {
            ocspResponses = value;
            return this;
        }

        public Builder scts(List<byte[]> value) {
            scts = value;
            return this;
        }

        public Builder network(boolean value) {
            network = value;
            return this;
        }

        public Builder aiaFetcher(Optional<AiaFetcher> value) {
            aiaFetcher = value;
            return this;
        }

        public Builder budget(PathBudget value) {
            budget = value;
            return this;
        }

        public Builder ct(CtInputs value) {
            ct = value;
            return this;
        }

        public Builder revocation(RevocationInputs value) {
            revocation = value;
            return this;
        }

        public Builder extraEvRoots(Map<String, List<String>> value) {
            extraEvRoots = value;
            return this;
        }

        public Builder exceptions(ExceptionInputs value) {
            exceptions = value;
            return this;
        }

        public Builder requiredKeyUsage(int value) {
            requiredKeyUsage = value;
            return this;
        }

        public EvaluationRequest build() {
            return new EvaluationRequest(
                    release,
                    policy,
                    referenceHost,
                    verifyTime,
                    currentTime,
                    presented,
                    appAnchors,
                    anchorsOnly,
                    userRoots,
                    cachedIntermediates,
                    systemStore,
                    extraSystemRoots,
                    ocspResponses,
                    scts,
                    network,
                    aiaFetcher,
                    budget,
                    ct,
                    revocation,
                    extraEvRoots,
                    exceptions,
                    requiredKeyUsage);
        }
    }
}
