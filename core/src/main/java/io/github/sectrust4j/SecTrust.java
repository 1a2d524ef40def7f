package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.sectrust4j.SecTrustConfiguration.SystemRoots;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.engine.Evaluator;
import io.github.sectrust4j.engine.ReleaseNotes;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.profile.ConfigurationProfile;
import io.github.sectrust4j.request.CtInputs;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.ExceptionInputs;
import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.request.RevocationInputs;
import io.github.sectrust4j.revocation.OcspFetcher;
import io.github.sectrust4j.revocation.RevocationDatabase;
import io.github.sectrust4j.revocation.ValidDatabase;
import io.github.sectrust4j.spi.AiaFetcher;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Entry point: what would an iPhone say about this server chain?
 *
 * <pre>{@code
 * TrustReport report = SecTrust.ios("17.4")
 *         .forServer("sip.contoso.com")
 *         .at(Instant.parse("2024-05-01T00:00:00Z"))
 *         .withProfileRoot(contosoRoot, FullTrust.OFF)
 *         .evaluate(chainPem);
 * report.trusted();   // false: a profile root without full trust does not anchor TLS (§7.1)
 * report.explain();   // why, and what to change
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every {@code with…} method returns a new instance.
 * Evaluation is a pure function of the configuration and the chain: pass the instant with
 * {@link #at(Instant)} for reproducible results (the default is the moment {@code evaluate} runs).
 * Nothing touches the network unless a fetcher is given ({@link #allowNetwork(AiaFetcher)},
 * {@link #allowNetwork(OcspFetcher)}); the evaluator itself contains no network code
 * (only {@link io.github.sectrust4j.capture.ServerPresentation#capture} connects, and only when called).
 */
public final class SecTrust {
    private final SecTrustConfiguration config;

    private SecTrust(SecTrustConfiguration config) {
        this.config = config;
    }

    /** This trust with one component of its configuration changed: every fluent method goes through here. */
    private SecTrust with(SecTrustConfiguration changed) {
        return new SecTrust(changed);
    }

    /** The rules of an iOS release ("17.4", "12.1.1"), with the Apple trust store that release shipped. */
    public static SecTrust ios(String release) {
        return ios(IosRelease.parse(release));
    }

    /** The rules of an iOS release, with the Apple trust store that release shipped. */
    public static SecTrust ios(IosRelease release) {
        return new SecTrust(SecTrustConfiguration.defaults(requireNonNull(release, "release")));
    }

    /** The newest modelled release ({@link IosRelease#NEWEST}). */
    public static SecTrust newest() {
        return ios(IosRelease.NEWEST);
    }

    /**
     * The same configuration under another release's rules, with that release's trust store unless one
     * was chosen ({@link #withSystemStore}); what {@link TrustMatrix} evaluates per release.
     */
    public SecTrust forRelease(IosRelease other) {
        return with(config.withRelease(requireNonNull(other, "other")));
    }

    /**
     * Evaluates the chain for every host and release ({@link TrustMatrix#evaluate}): the verdict per
     * (host, release), where it changes and why, and the names missing from the certificate.
     */
    public TrustMatrix evaluateAll(List<HostName> hosts, List<IosRelease> releases, List<? extends Cert> chain) {
        return TrustMatrix.evaluate(this, hosts, releases, chain);
    }

    // ---- policy ----

    /** The SSL server policy with a host name or IP literal to match (§1.2, §3). */
    public SecTrust forServer(String host) {
        requireNonNull(host, "host");
        return with(config.withPolicy(Policy.SSL_SERVER, Optional.of(host)));
    }

    /** The SSL server policy without a host-name check ({@code SecPolicyCreateSSL(true, NULL)}). */
    public SecTrust sslServer() {
        return with(config.withPolicy(Policy.SSL_SERVER, Optional.empty()));
    }

    /** The basic X.509 policy (no host name, no TLS-only rules). */
    public SecTrust basicPolicy() {
        return with(config.withPolicy(Policy.BASIC, Optional.empty()));
    }

    /**
     * {@code SecPolicyCreateSSLWithKeyUsage}: the SSL policy also requires these key usages of the leaf
     * — all of them, or no keyUsage extension at all (Apple adds {@code kSecKeyUsageUnspecified} as the
     * alternative); else {@code KeyUsage} fails, Recoverable, {@code errSecInvalidKeyUsageForPolicy}
     * (§2.2). The usages also feed trust-settings key-usage matching (§7.2). Repeated calls add usages.
     * Not for the basic policy (the evaluation refuses the combination).
     */
    public SecTrust requireKeyUsage(KeyUsage... usages) {
        int bits = config.requiredKeyUsage();
        for (KeyUsage u : usages) {
            bits |= requireNonNull(u, "usage").bits();
        }
        return with(config.withRequiredKeyUsage(bits));
    }

    // ---- time ----

    /**
     * The evaluation (verify) instant: certificate validity, SCT timestamps, policy dates (§1.1).
     *
     * <p>One instant, one internal name. Outside it is {@code at} (this method, the CLI's {@code --at}, the batch
     * request's and the JSON report's {@code "at"}) and {@link TrustReport#evaluatedAt()}; inside it is
     * {@code verifyTime} everywhere (Apple's {@code SecTrustSetVerifyDate}; {@link EvaluationRequest#verifyTime()}).
     * The device's real clock ({@link #deviceClock}, batch {@code deviceClock}) is {@code currentTime} inside
     * ({@link EvaluationRequest#currentTime()}), {@code now} in the revocation checks that take it.
     */
    public SecTrust at(Instant instant) {
        return with(config.withVerifyTime(requireNonNull(instant, "instant")));
    }

    /**
     * The device's real clock, which iOS uses for OCSP freshness even when a verify date is set
     * (§1.1, §14.3). Defaults to the evaluation instant.
     */
    public SecTrust deviceClock(Instant now) {
        return with(config.withCurrentTime(requireNonNull(now, "now")));
    }

    // ---- anchors ----

    /**
     * App anchors ({@code SecTrustSetAnchorCertificates}); switches "anchors only" on unless set otherwise.
     * An empty list, as in Apple's setter with an empty array, still switches anchors-only on: nothing
     * is then anchored (§1.1).
     */
    public SecTrust withAnchors(List<? extends Cert> certificates) {
        SecTrustConfiguration c = config.withAnchors(
                SecTrustConfiguration.append(config.anchors(), CertificateInput.fromCerts(certificates)));
        return with(config.anchorsOnly().isPresent() ? c : c.withAnchorsOnly(true));
    }

    /** App anchors from PEM text (one or many blocks). */
    public SecTrust withAnchors(String pem) {
        return withAnchors(CertificateInput.fromPem(pem));
    }

    /** App anchors. */
    public SecTrust withAnchors(X509Certificate... certificates) {
        return withAnchors(CertificateInput.fromX509(Arrays.asList(certificates)));
    }

    /** App anchors ({@link Cert#fromPem}, {@link Cert#of}, ...). */
    public SecTrust withAnchors(Cert... certificates) {
        return withAnchors(Arrays.asList(certificates));
    }

    /** App anchors from PEM text or one DER certificate. */
    public SecTrust withAnchors(byte[] pemOrDer) {
        return withAnchors(CertificateInput.parse(pemOrDer));
    }

    /** {@code SecTrustSetAnchorCertificatesOnly}: whether only the app anchors are trusted. */
    public SecTrust anchorsOnly(boolean only) {
        return with(config.withAnchorsOnly(only));
    }

    /** A root installed by a configuration profile by hand, with the iOS 10.3+ full-trust switch (§7.1). */
    public SecTrust withProfileRoot(Cert root, FullTrust fullTrust) {
        return withUserRoot(new UserRoot(single(root), InstallChannel.PROFILE, fullTrust, Optional.empty()));
    }

    public SecTrust withProfileRoot(X509Certificate root, FullTrust fullTrust) {
        return withProfileRoot(single(root), fullTrust);
    }

    public SecTrust withProfileRoot(String pem, FullTrust fullTrust) {
        return withProfileRoot(single(pem), fullTrust);
    }

    /** As {@link #withProfileRoot(String, FullTrust)} from PEM text or DER bytes. */
    public SecTrust withProfileRoot(byte[] pemOrDer, FullTrust fullTrust) {
        return withProfileRoot(single(pemOrDer), fullTrust);
    }

    /** A root installed by MDM (or Apple Configurator): trusted for TLS (§7.1). */
    public SecTrust withMdmRoot(Cert root) {
        return withUserRoot(new UserRoot(single(root), InstallChannel.MDM, FullTrust.ON, Optional.empty()));
    }

    public SecTrust withMdmRoot(X509Certificate root) {
        return withMdmRoot(single(root));
    }

    public SecTrust withMdmRoot(String pem) {
        return withMdmRoot(single(pem));
    }

    /** As {@link #withMdmRoot(String)} from PEM text or DER bytes. */
    public SecTrust withMdmRoot(byte[] pemOrDer) {
        return withMdmRoot(single(pemOrDer));
    }

    /**
     * Everything a configuration profile installs (§7.1): its roots as user roots through {@code channel} (with the
     * full-trust switch for a manual install) and its other certificates as intermediates the device has.
     */
    public SecTrust withProfile(ConfigurationProfile profile, InstallChannel channel, FullTrust fullTrust) {
        SecTrust t = profile.intermediates().isEmpty() ? this : withIntermediates(profile.intermediates());
        for (UserRoot root : UserRoot.fromProfile(profile, channel, fullTrust)) {
            t = t.withUserRoot(root);
        }
        return t;
    }

    /**
     * A {@code .mobileconfig} installed by hand (Safari, Mail, Files), with the iOS 10.3+ full-trust switch.
     *
     * @throws io.github.sectrust4j.profile.ConfigurationProfileException when iOS would not install the profile
     */
    public SecTrust withProfile(byte[] mobileconfig, FullTrust fullTrust) {
        return withProfile(ConfigurationProfile.read(mobileconfig), InstallChannel.PROFILE, fullTrust);
    }

    /** A {@code .mobileconfig} installed by MDM or Apple Configurator: its roots are trusted for TLS (§7.1). */
    public SecTrust withMdmProfile(byte[] mobileconfig) {
        return withProfile(ConfigurationProfile.read(mobileconfig), InstallChannel.MDM, FullTrust.ON);
    }

    /**
     * Any user-trust-store entry, e.g. with explicit Apple trust settings (§7.2).
     *
     * @throws DuplicateUserRootException if the certificate is already in the user store (one row per certificate)
     */
    public SecTrust withUserRoot(UserRoot root) {
        requireNonNull(root, "root");
        DuplicateUserRootException.check(
                config.userRoots(), root, config.userRoots().size());
        return with(config.withUserRoots(SecTrustConfiguration.append(config.userRoots(), List.of(root))));
    }

    /** Intermediates the device already has (not sent by the server), e.g. installed by a profile. */
    public SecTrust withIntermediates(List<? extends Cert> certificates) {
        return with(config.withIntermediates(
                SecTrustConfiguration.append(config.intermediates(), CertificateInput.fromCerts(certificates))));
    }

    /** As {@link #withIntermediates(List)}. */
    public SecTrust withIntermediates(Cert... certificates) {
        return withIntermediates(Arrays.asList(certificates));
    }

    /** As {@link #withIntermediates(List)}. */
    public SecTrust withIntermediates(X509Certificate... certificates) {
        return withIntermediates(CertificateInput.fromX509(Arrays.asList(certificates)));
    }

    /** As {@link #withIntermediates(List)}, from PEM text (one or many blocks). */
    public SecTrust withIntermediates(String pem) {
        return withIntermediates(CertificateInput.fromPem(pem));
    }

    /** As {@link #withIntermediates(List)}, from PEM text or one DER certificate. */
    public SecTrust withIntermediates(byte[] pemOrDer) {
        return withIntermediates(CertificateInput.parse(pemOrDer));
    }

    /** Uses this Apple trust store for system roots instead of the release's own. */
    public SecTrust withSystemStore(AppleTrustStore store) {
        return with(config.withSystemRoots(new SystemRoots(true, Optional.of(requireNonNull(store, "store")))));
    }

    /** Uses an explicit Apple trust-store version (e.g. 2023071300) for system roots. */
    public SecTrust withTrustStoreVersion(int version) {
        return withSystemStore(AppleTrustStores.version(version));
    }

    /** No system roots at all (only app anchors and user roots can anchor). */
    public SecTrust withoutSystemRoots() {
        return with(config.withSystemRoots(SystemRoots.NONE));
    }

    /**
     * Roots to treat as members of the system store, e.g. a public CA's new root before Apple ships
     * it: the chain then meets the system-only rules (398 days, CT, strict EKU).
     */
    public SecTrust withExtraSystemRoots(List<? extends Cert> roots) {
        return with(config.withExtraSystemRoots(
                SecTrustConfiguration.append(config.extraSystemRoots(), CertificateInput.fromCerts(roots))));
    }

    /** As {@link #withExtraSystemRoots(List)}. */
    public SecTrust withExtraSystemRoots(Cert... roots) {
        return withExtraSystemRoots(Arrays.asList(roots));
    }

    /** As {@link #withExtraSystemRoots(List)}. */
    public SecTrust withExtraSystemRoots(X509Certificate... roots) {
        return withExtraSystemRoots(CertificateInput.fromX509(Arrays.asList(roots)));
    }

    /** As {@link #withExtraSystemRoots(List)}, from PEM text (one or many blocks). */
    public SecTrust withExtraSystemRoots(String pem) {
        return withExtraSystemRoots(CertificateInput.fromPem(pem));
    }

    /** As {@link #withExtraSystemRoots(List)}, from PEM text or one DER certificate. */
    public SecTrust withExtraSystemRoots(byte[] pemOrDer) {
        return withExtraSystemRoots(CertificateInput.parse(pemOrDer));
    }

    // ---- revocation and CT inputs ----

    /**
     * Most stapled OCSP responses one evaluation takes. A server staples at most one response per certificate
     * it sends; every response is checked, with a signature verification, at every position of every
     * candidate path, so an unbounded list made an evaluation run for minutes.
     */
    public static final int MAX_STAPLED_OCSP_RESPONSES = 100;

    /**
     * A stapled OCSP response (DER).
     *
     * @throws IllegalArgumentException beyond {@link #MAX_STAPLED_OCSP_RESPONSES} responses
     */
    public SecTrust withStapledOcsp(byte[] ocspResponseDer) {
        requireNonNull(ocspResponseDer, "ocspResponseDer");
        if (config.ocspResponses().size() >= MAX_STAPLED_OCSP_RESPONSES) {
            throw new IllegalArgumentException("at most " + MAX_STAPLED_OCSP_RESPONSES
                    + " stapled OCSP responses (a server staples at most one per certificate it sends)");
        }
        return with(config.withOcspResponses(
                SecTrustConfiguration.append(config.ocspResponses(), List.of(ocspResponseDer.clone()))));
    }

    /**
     * Most TLS SCTs one evaluation takes. Real servers send two to five; each is verified under a
     * caller-supplied log key, so an unbounded list was a way to make one request run for minutes.
     */
    public static final int MAX_TLS_SCTS = 100;

    /**
     * An SCT delivered in the TLS extension (one serialized SCT).
     *
     * @throws IllegalArgumentException beyond {@link #MAX_TLS_SCTS} SCTs
     */
    public SecTrust withSct(byte[] sct) {
        requireNonNull(sct, "sct");
        if (config.scts().size() >= MAX_TLS_SCTS) {
            throw new IllegalArgumentException("at most " + MAX_TLS_SCTS + " TLS SCTs (servers send a handful)");
        }
        return with(config.withScts(SecTrustConfiguration.append(config.scts(), List.of(sct.clone()))));
    }

    /**
     * Replaces the release's CT log list with these logs ({@code SecTrustSetTrustedLogs}, a request's
     * {@code ctLogs}): SCTs count only from them, and CT is enforced even if the device list were stale
     * (§1.1, §8.1 condition 3).
     */
    public SecTrust withCtLogs(CtLogList logs) {
        return withCt(config.ct().withLogs(logs));
    }

    /** The caller's CT log list ({@link #withCtLogs}), if one replaces the release's list. */
    public Optional<CtLogList> ctLogs() {
        return config.ct().logs();
    }

    /**
     * As {@link #withCtLogs(CtLogList)} from the batch {@code ctLogs} JSON: an array of logs, or a whole list
     * in the JSON format Apple publishes as its current list ({@link io.github.sectrust4j.ct.PublishedLogLists}).
     */
    public SecTrust withCtLogs(String ctLogsJson) {
        return withCtLogs(CtLogList.fromRequestJson(ctLogsJson));
    }

    /**
     * Whether the device's own CT log list is fresh (default true: a device that checks in with Apple).
     * A list older than 60 days switches CT enforcement off, and EV then no longer needs CT (§8.1, §10).
     * Has no effect with {@link #withCtLogs}.
     */
    public SecTrust ctLogListFresh(boolean fresh) {
        return withCt(config.ct().withReleaseListFresh(fresh));
    }

    /** The trust-supplementals CT kill switch (default off): on, CT is neither enforced nor needed for EV (§8.1). */
    public SecTrust ctKillSwitch(boolean on) {
        return withCt(config.ct().withKillSwitch(on));
    }

    /** MDM "Certificate Transparency" payload exceptions (§8.6): domains and SPKI SHA-256 hashes (base64). */
    public SecTrust withCtExceptions(CtExceptions exceptions) {
        requireNonNull(exceptions, "exceptions");
        return withCt(config.ct().withExceptions(exceptions));
    }

    /** Apple's Valid revocation database (§9.2), e.g. {@link ValidDatabase#open(Path)} or an in-memory one. */
    public SecTrust withRevocationDatabase(RevocationDatabase database) {
        requireNonNull(database, "database");
        return withRevocation(config.revocation().withDatabase(database));
    }

    /**
     * Opens Apple's Valid database (SQLite) at {@code path} read-only and uses it (§9.2). The file stays
     * open for the life of the JVM's reference to the returned instance; for many evaluations open it
     * once with {@link ValidDatabase#open(Path)} and pass it to {@link #withRevocationDatabase(RevocationDatabase)}.
     *
     * @throws io.github.sectrust4j.revocation.ValidDatabaseException if the file is not a Valid database
     */
    public SecTrust withRevocationDatabase(Path path) {
        requireNonNull(path, "path");
        return withRevocationDatabase(ValidDatabase.open(path));
    }

    /**
     * {@code kSecRevocationRequirePositiveResponse} (§9.5): the leaf must get a good (or revoked) OCSP
     * response, else {@code RevocationResponseRequired} (Recoverable, −67635). Like iOS, enforced only where
     * the evaluation can fetch, i.e. with an {@link #allowNetwork(OcspFetcher) OCSP fetcher}; a stapled
     * response satisfies it. Implies a revocation policy.
     */
    public SecTrust requirePositiveRevocationResponse() {
        return withRevocation(config.revocation().withRequirePositiveResponse(true));
    }

    /** Adds a revocation policy ({@code SecPolicyCreateRevocation}): OCSP is fetched for every position (§9.4). */
    public SecTrust withRevocationPolicy() {
        return withRevocation(config.revocation().withRevocationPolicy(true));
    }

    /**
     * Treats {@code root} as an EV root for these policy OIDs (§10), in addition to the store's EV roots:
     * lets a CA test its EV profile under a root Apple does not (yet) list as EV. Also needs the root to
     * anchor the path (e.g. {@link #withExtraSystemRoots}).
     */
    public SecTrust withExtraEvRoot(Cert root, String... policyOids) {
        requireNonNull(root, "root");
        if (policyOids.length == 0) {
            throw new IllegalArgumentException("at least one EV policy OID is required");
        }
        Map<String, List<String>> m = new LinkedHashMap<>(config.extraEvRoots());
        m.put(CertificateInput.fromCert(root).sha256Fingerprint().hexUpperCase(), List.of(policyOids));
        return with(config.withExtraEvRoots(ImmutableMap.copyOf(m)));
    }

    private SecTrust withCt(CtInputs value) {
        return with(config.withCt(value));
    }

    private SecTrust withRevocation(RevocationInputs value) {
        return with(config.withRevocation(value));
    }

    // ---- network and limits ----

    /** Allows AIA caIssuers fetching through this fetcher (off by default; §1.3). */
    public SecTrust allowNetwork(AiaFetcher fetcher) {
        return with(config.withAiaFetcher(requireNonNull(fetcher, "fetcher")));
    }

    /**
     * Allows network OCSP through this fetcher (§9.4; off by default). iOS fetches only when something
     * triggers it: an EV-capable leaf, {@link #withRevocationPolicy()} or
     * {@link #requirePositiveRevocationResponse()}, or the Valid database. With a fetcher the evaluation
     * also counts as "having network" for {@code RevocationResponseRequired} (§9.5).
     */
    public SecTrust allowNetwork(OcspFetcher fetcher) {
        requireNonNull(fetcher, "fetcher");
        return withRevocation(config.revocation().withOcspFetcher(fetcher));
    }

    /** Allows both AIA caIssuers fetching and network OCSP through these fetchers. */
    public SecTrust allowNetwork(AiaFetcher aia, OcspFetcher ocsp) {
        return allowNetwork(aia).allowNetwork(ocsp);
    }

    // ---- the user's exceptions ----

    /**
     * The user's exceptions ({@code SecTrustSetExceptions}, §12.4): Recoverable failures they name for
     * the certificates they name are not counted (Fatal and Deny ones always are). iOS keeps them only if
     * their first entry is the evaluated leaf's and they belong to the device's exception epoch
     * ({@link #withExceptionEpoch}); otherwise they change nothing and the report says so
     * ({@link FindingCode#USER_EXCEPTIONS}).
     */
    public SecTrust withExceptions(TrustExceptions userExceptions) {
        requireNonNull(userExceptions, "userExceptions");
        return withExceptionInputs(new ExceptionInputs(
                Optional.of(userExceptions), config.exceptions().epoch()));
    }

    /** As {@link #withExceptions(TrustExceptions)} on a device in exception epoch {@code epoch}. */
    public SecTrust withExceptions(TrustExceptions userExceptions, long epoch) {
        return withExceptions(userExceptions).withExceptionEpoch(epoch);
    }

    /**
     * The device's exception epoch (default 0): a counter iOS raises when the user resets exceptions. In
     * a non-zero epoch only exceptions made in it are kept, and {@link #copyExceptions} stamps it on the
     * exceptions it makes ({@code ExceptionResetCount}).
     *
     * @throws IllegalArgumentException for a negative epoch
     */
    public SecTrust withExceptionEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("the exception epoch is a counter from 0, not " + epoch);
        }
        return withExceptionInputs(new ExceptionInputs(config.exceptions().exceptions(), epoch));
    }

    private SecTrust withExceptionInputs(ExceptionInputs value) {
        return with(config.withExceptions(value));
    }

    /**
     * {@code SecTrustCopyExceptions} (§12.4): what the device stores when the user accepts this chain
     * ("Trust" in Safari, "Continue" in Mail). The chain is evaluated without exceptions; the result has
     * an entry for the leaf and for every certificate of the chosen path with failures, each with that
     * certificate's SHA-1 and failing check names (and the exception epoch when non-zero). Installing
     * it with {@link #withExceptions} suppresses exactly those failures that are Recoverable.
     *
     * @throws CertificateInputException when the chain is empty
     */
    public TrustExceptions copyExceptions(List<? extends Cert> chain) {
        Evaluator.Evaluation e = Evaluator.evaluateWithPath(request(chain).withExceptions(ExceptionInputs.NONE));
        SortedMap<Integer, Set<String>> failing = new TreeMap<>();
        for (Finding f : e.report().failures()) {
            if (f.certificateIndex() >= 0 && f.certificateIndex() < e.path().size()) {
                failing.computeIfAbsent(f.certificateIndex(), i -> new TreeSet<>())
                        .add(f.code().code());
            }
        }
        List<TrustExceptions.Entry> entries = new ArrayList<>();
        int last = failing.isEmpty() ? 0 : failing.lastKey();
        for (int i = 0; i <= last; i++) {
            entries.add(
                    i == 0 || failing.containsKey(i)
                            ? TrustExceptions.Entry.of(e.path().get(i), failing.getOrDefault(i, Set.of()))
                            : TrustExceptions.Entry.empty());
        }
        return TrustExceptions.of(entries).withResetCount(config.exceptions().epoch());
    }

    /** As {@link #copyExceptions(List)} for a chain given as PEM text (leaf first). */
    public TrustExceptions copyExceptions(String chainPem) {
        return copyExceptions(CertificateInput.fromPem(chainPem));
    }

    /** As {@link #copyExceptions(List)} for a chain given as PEM text or one DER certificate. */
    public TrustExceptions copyExceptions(byte[] pemOrDer) {
        return copyExceptions(CertificateInput.parse(pemOrDer));
    }

    /** As {@link #copyExceptions(List)} for JDK certificates, leaf first. */
    public TrustExceptions copyExceptions(X509Certificate... chain) {
        return copyExceptions(CertificateInput.fromX509(Arrays.asList(chain)));
    }

    /**
     * Limits on path building and on the evaluation's total public-key verifications (certificate, SCT and
     * OCSP signatures; default {@link PathBudget#DEFAULT}).
     */
    public SecTrust withBudget(PathBudget pathBudget) {
        return with(config.withBudget(requireNonNull(pathBudget, "pathBudget")));
    }

    // ---- evaluation ----
    // Every evaluate method: an IllegalStateException when -Dsectrust4j.verifier names an unknown or unavailable
    // signature backend (README "Native signature verification") -- a misconfiguration is never a verdict.

    /**
     * Evaluates a chain given as PEM text (leaf first; other blocks in any order). A certificate after the
     * leaf that iOS cannot parse gives a verdict ({@code UnparseableCertificate}, result Invalid, §14.2).
     *
     * @throws CertificateInputException when the text holds no certificate, a malformed PEM block, or a leaf
     *                                   iOS cannot parse
     * @throws IllegalStateException     when {@code -Dsectrust4j.verifier} names an unknown or unavailable signature
     *                                   backend (as every {@code evaluate} method)
     */
    public TrustReport evaluate(String chainPem) {
        return evaluate(CertificateInput.serverChain(chainPem));
    }

    /** Evaluates a chain given as PEM text or one DER certificate (as {@link #evaluate(String)}). */
    public TrustReport evaluate(byte[] pemOrDer) {
        return evaluate(CertificateInput.serverChain(pemOrDer));
    }

    private TrustReport evaluate(ServerChain chain) {
        return SecTrustAccess.evaluate(this, chain);
    }

    /** Evaluates a chain of JDK certificates, leaf first. */
    public TrustReport evaluate(X509Certificate... chain) {
        return evaluate(CertificateInput.fromX509(Arrays.asList(chain)));
    }

    /** Evaluates a parsed chain ({@link Cert#fromPem}, ...), leaf first; duplicates are ignored. */
    public TrustReport evaluate(List<? extends Cert> chain) {
        EvaluationRequest r = request(chain);
        return ReleaseNotes.annotate(Evaluator.evaluate(r), r); // a release outside the table says how it was mapped
    }

    /** Evaluates a chain of {@link Cert}s, leaf first. */
    public TrustReport evaluate(Cert... chain) {
        return evaluate(Arrays.asList(chain));
    }

    /**
     * This configuration as a JSSE trust manager, so a Java TLS client refuses exactly what the iPhone
     * refuses: the host is the one set with {@link #forServer}, else the handshake's SNI name, else the
     * peer host; a refusal throws {@link UntrustedChainException} carrying the {@link TrustReport}.
     */
    public javax.net.ssl.X509ExtendedTrustManager asTrustManager() {
        return new SecTrustManager(this);
    }

    /** The host set with {@link #forServer}, if any (the trust manager falls back to the handshake's). */
    Optional<String> configuredHost() {
        return config.host();
    }

    /** The policy set ({@link #asTrustManager}: only the SSL policy needs a host name). */
    Policy configuredPolicy() {
        return config.policy();
    }

    static {
        SecTrustAccess.register(SecTrust::request); // the command line and the tests: SecTrustAccess.request
    }

    /**
     * The exact inputs {@link #evaluate(List)} hands to the evaluator for this chain, without
     * evaluating (outside this package: {@link SecTrustAccess#request}). When no instant was set, the
     * evaluation instant is taken now.
     *
     * @throws CertificateInputException when the chain is empty
     */
    EvaluationRequest request(List<? extends Cert> chain) {
        requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new CertificateInputException("the chain is empty: at least the leaf certificate is required");
        }
        List<Certificate> presented = distinctInOrder(CertificateInput.fromCerts(chain));
        SecTrustConfiguration c = config;
        Instant verifyTime = c.verifyTime().orElseGet(Instant::now);
        Optional<AppleTrustStore> store = !c.systemRoots().enabled()
                ? Optional.empty()
                : Optional.of(c.systemRoots().store().orElseGet(() -> storeFor(c.release())));
        if (c.requiredKeyUsage() != 0 && c.policy() != Policy.SSL_SERVER) {
            throw new IllegalArgumentException(
                    "requireKeyUsage applies to the SSL policy " + "(SecPolicyCreateSSLWithKeyUsage), not to the "
                            + c.policy().label() + " policy");
        }
        return EvaluationRequest.builder(c.release(), c.policy(), verifyTime, presented)
                .referenceHost(c.host().map(ReferenceHost::of))
                .currentTime(c.currentTime().orElse(verifyTime))
                .appAnchors(c.anchors())
                .anchorsOnly(c.anchorsOnly().orElse(false))
                .userRoots(c.userRoots())
                .cachedIntermediates(c.intermediates())
                .systemStore(store)
                .extraSystemRoots(c.extraSystemRoots())
                .ocspResponses(c.ocspResponses())
                .scts(c.scts())
                .network(c.aiaFetcher().isPresent() || c.revocation().networkAvailable())
                .aiaFetcher(c.aiaFetcher())
                .budget(c.budget())
                .ct(c.ct())
                .revocation(c.revocation())
                .extraEvRoots(c.extraEvRoots())
                .exceptions(c.exceptions())
                .requiredKeyUsage(c.requiredKeyUsage())
                .build();
    }

    /** The chain without repeats, first occurrence kept; a plain scan for the usual short chain. */
    private static List<Certificate> distinctInOrder(List<Certificate> chain) {
        if (chain.size() > 8) {
            return new ArrayList<>(new LinkedHashSet<>(chain));
        }
        List<Certificate> out = new ArrayList<>(chain.size());
        for (Certificate c : chain) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The trust store a release shipped (§11.6; {@link IosRelease#trustStore()}). */
    static AppleTrustStore storeFor(IosRelease release) {
        return release.trustStore();
    }

    private static Certificate single(X509Certificate cert) {
        return CertificateInput.fromX509(List.of(cert)).get(0);
    }

    private static Certificate single(Cert cert) {
        return CertificateInput.fromCerts(java.util.Collections.singletonList(cert))
                .get(0);
    }

    private static Certificate single(byte[] pemOrDer) {
        return single(CertificateInput.parse(pemOrDer));
    }

    private static Certificate single(String pem) {
        return single(CertificateInput.fromPem(pem));
    }

    private static Certificate single(List<Certificate> certs) {
        if (certs.size() != 1) {
            throw new CertificateInputException("expected exactly one certificate, found " + certs.size());
        }
        return certs.get(0);
    }

    @Override
    public String toString() {
        return "SecTrust[iOS " + config.release() + ", " + config.policy().label()
                + config.host().map(h -> " " + h).orElse("") + "]";
    }
}
