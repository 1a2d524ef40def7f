package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.CtInputs;
import io.github.sectrust4j.request.ExceptionInputs;
import io.github.sectrust4j.request.RevocationInputs;
import io.github.sectrust4j.spi.AiaFetcher;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a {@link SecTrust} holds, as one immutable value: each fluent {@code SecTrust} method is a
 * {@code with…} here that changes one component. The record is built in one place ({@link Editor#done}), so a
 * new component is added to the record, the editor and {@link #defaults} only.
 *
 * @param release          the iOS release whose rules apply
 * @param policy           SSL server or basic X.509
 * @param host             the reference host name or IP literal ({@code forServer}); empty = no name check
 * @param verifyTime       the evaluation instant ({@code SecTrust.at}); empty = the moment of evaluation
 * @param currentTime      the device's real clock ({@code SecTrust.deviceClock}); empty = {@code verifyTime}
 * @param anchors          app anchors ({@code SecTrustSetAnchorCertificates})
 * @param anchorsOnly      {@code SecTrustSetAnchorCertificatesOnly}; empty = on once anchors are set, else off
 * @param userRoots        the user trust store
 * @param intermediates    certificates the device already has
 * @param systemRoots      whether, and from which Apple store, system roots come
 * @param extraSystemRoots roots treated as members of the system store
 * @param ocspResponses    stapled OCSP responses (DER)
 * @param scts             TLS-extension SCTs
 * @param aiaFetcher       the AIA fetcher, if the caller allows the network
 * @param budget           path-building and verification limits
 * @param ct               CT inputs
 * @param revocation       revocation inputs
 * @param extraEvRoots     EV policy OIDs per root SHA-256 (upper-case hex)
 * @param exceptions       the user's exceptions and the exception epoch
 * @param requiredKeyUsage {@code SecPolicyCreateSSLWithKeyUsage}: Apple's SecKeyUsage bits the leaf must carry; 0 = none
 */
record SecTrustConfiguration(
        IosRelease release,
        Policy policy,
        Optional<String> host,
        Optional<Instant> verifyTime,
        Optional<Instant> currentTime,
        ImmutableList<Certificate> anchors,
        Optional<Boolean> anchorsOnly,
        ImmutableList<UserRoot> userRoots,
        ImmutableList<Certificate> intermediates,
        SystemRoots systemRoots,
        ImmutableList<Certificate> extraSystemRoots,
        ImmutableList<byte[]> ocspResponses,
        ImmutableList<byte[]> scts,
        Optional<AiaFetcher> aiaFetcher,
        PathBudget budget,
        CtInputs ct,
        RevocationInputs revocation,
        ImmutableMap<String, List<String>> extraEvRoots,
        ExceptionInputs exceptions,
        int requiredKeyUsage) {

    /** Which Apple store supplies system roots: the release's own unless one was chosen; none when disabled. */
    record SystemRoots(boolean enabled, Optional<AppleTrustStore> store) {
        static final SystemRoots RELEASE_STORE = new SystemRoots(true, Optional.empty());
        static final SystemRoots NONE = new SystemRoots(false, Optional.empty());

        SystemRoots {
            requireNonNull(store, "store");
        }
    }

    SecTrustConfiguration {
        requireNonNull(release, "release");
        requireNonNull(policy, "policy");
        requireNonNull(host, "host");
        requireNonNull(verifyTime, "verifyTime");
        requireNonNull(currentTime, "currentTime");
        requireNonNull(anchors, "anchors");
        requireNonNull(anchorsOnly, "anchorsOnly");
        requireNonNull(userRoots, "userRoots");
        requireNonNull(intermediates, "intermediates");
        requireNonNull(systemRoots, "systemRoots");
        requireNonNull(extraSystemRoots, "extraSystemRoots");
        requireNonNull(ocspResponses, "ocspResponses");
        requireNonNull(scts, "scts");
        requireNonNull(aiaFetcher, "aiaFetcher");
        requireNonNull(budget, "budget");
        requireNonNull(ct, "ct");
        requireNonNull(revocation, "revocation");
        requireNonNull(extraEvRoots, "extraEvRoots");
        requireNonNull(exceptions, "exceptions");
    }

    /** A release's defaults: SSL policy without a host, its own trust store, no other inputs, default limits. */
    static SecTrustConfiguration defaults(IosRelease release) {
        return new Editor(release).done();
    }

    SecTrustConfiguration withRelease(IosRelease value) {
        return edit(e -> e.release = requireNonNull(value, "release"));
    }

    /** The policy together with its host: a policy change always decides the host too. */
    SecTrustConfiguration withPolicy(Policy value, Optional<String> hostName) {
        return edit(e -> {
            e.policy = requireNonNull(value, "policy");
            e.host = requireNonNull(hostName, "host");
        });
    }

    SecTrustConfiguration withVerifyTime(Instant value) {
        return edit(e -> e.verifyTime = Optional.of(value));
    }

    SecTrustConfiguration withCurrentTime(Instant value) {
        return edit(e -> e.currentTime = Optional.of(value));
    }

    SecTrustConfiguration withAnchors(ImmutableList<Certificate> value) {
        return edit(e -> e.anchors = value);
    }

    SecTrustConfiguration withAnchorsOnly(boolean value) {
        return edit(e -> e.anchorsOnly = Optional.of(value));
    }

    SecTrustConfiguration withUserRoots(ImmutableList<UserRoot> value) {
        return edit(e -> e.userRoots = value);
    }

    SecTrustConfiguration withIntermediates(ImmutableList<Certificate> value) {
        return edit(e -> e.intermediates = value);
    }

    SecTrustConfiguration withSystemRoots(SystemRoots value) {
        return edit(e -> e.systemRoots = value);
    }

    SecTrustConfiguration withExtraSystemRoots(ImmutableList<Certificate> value) {
        return edit(e -> e.extraSystemRoots = value);
    }

    SecTrustConfiguration withOcspResponses(ImmutableList<byte[]> value) {
        return edit(e -> e.ocspResponses = value);
    }

    SecTrustConfiguration withScts(ImmutableList<byte[]> value) {
        return edit(e -> e.scts = value);
    }

    SecTrustConfiguration withAiaFetcher(AiaFetcher value) {
        return edit(e -> e.aiaFetcher = Optional.of(value));
    }

    SecTrustConfiguration withBudget(PathBudget value) {
        return edit(e -> e.budget = value);
    }

    SecTrustConfiguration withCt(CtInputs value) {
        return edit(e -> e.ct = value);
    }

    SecTrustConfiguration withRevocation(RevocationInputs value) {
        return edit(e -> e.revocation = value);
    }

    SecTrustConfiguration withExtraEvRoots(ImmutableMap<String, List<String>> value) {
        return edit(e -> e.extraEvRoots = value);
    }

    SecTrustConfiguration withExceptions(ExceptionInputs value) {
        return edit(e -> e.exceptions = value);
    }

    SecTrustConfiguration withRequiredKeyUsage(int value) {
        return edit(e -> e.requiredKeyUsage = value);
    }

    /** {@code list} followed by {@code more}: the fluent methods add to lists, never replace them. */
    static <T> ImmutableList<T> append(ImmutableList<T> list, List<? extends T> more) {
        return ImmutableList.<T>builder().addAll(list).addAll(more).build();
    }

    private SecTrustConfiguration edit(Consumer<Editor> change) {
        Editor e = new Editor(this);
        change.accept(e);
        return e.done();
    }

    /** A mutable copy used only inside one {@code with…} call: the one place the record is constructed. */
    private static final class Editor {
        IosRelease release;
        Policy policy = Policy.SSL_SERVER;
        Optional<String> host = Optional.empty();
        Optional<Instant> verifyTime = Optional.empty();
        Optional<Instant> currentTime = Optional.empty();
        ImmutableList<Certificate> anchors = ImmutableList.of();
        Optional<Boolean> anchorsOnly = Optional.empty();
        ImmutableList<UserRoot> userRoots = ImmutableList.of();
        ImmutableList<Certificate> intermediates = ImmutableList.of();
        SystemRoots systemRoots = SystemRoots.RELEASE_STORE;
        ImmutableList<Certificate> extraSystemRoots = ImmutableList.of();
        ImmutableList<byte[]> ocspResponses = ImmutableList.of();
        ImmutableList<byte[]> scts = ImmutableList.of();
        Optional<AiaFetcher> aiaFetcher = Optional.empty();
        PathBudget budget = PathBudget.DEFAULT;
        CtInputs ct = CtInputs.DEFAULT;
        RevocationInputs revocation = RevocationInputs.DEFAULT;
        ImmutableMap<String, List<String>> extraEvRoots = ImmutableMap.of();
        ExceptionInputs exceptions = ExceptionInputs.NONE;
        int requiredKeyUsage;

        Editor(IosRelease release) {
            this.release = requireNonNull(release, "release");
        }

        Editor(SecTrustConfiguration c) {
            release = c.release;
            policy = c.policy;
            host = c.host;
            verifyTime = c.verifyTime;
            currentTime = c.currentTime;
            anchors = c.anchors;
            anchorsOnly = c.anchorsOnly;
            userRoots = c.userRoots;
            intermediates = c.intermediates;
            systemRoots = c.systemRoots;
            extraSystemRoots = c.extraSystemRoots;
            ocspResponses = c.ocspResponses;
            scts = c.scts;
            aiaFetcher = c.aiaFetcher;
            budget = c.budget;
            ct = c.ct;
            revocation = c.revocation;
            extraEvRoots = c.extraEvRoots;
            exceptions = c.exceptions;
            requiredKeyUsage = c.requiredKeyUsage;
        }

        SecTrustConfiguration done() {
            return new SecTrustConfiguration(
                    release,
                    policy,
                    host,
                    verifyTime,
                    currentTime,
                    anchors,
                    anchorsOnly,
                    userRoots,
                    intermediates,
                    systemRoots,
                    extraSystemRoots,
                    ocspResponses,
                    scts,
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
