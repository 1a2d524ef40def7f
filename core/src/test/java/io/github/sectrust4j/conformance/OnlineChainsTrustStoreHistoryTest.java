package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.TrustStoreVersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #3 evidence: real chains against Apple's trust-store history. The x509-limbo {@code online::}
 * cases are chains captured from real servers in 2023 (leaf + issuing CA as the server sent them);
 * their roots are in Apple's store. For each, the root the chain needs is looked up in every bundled
 * store version (by the issuing CA's issuer name and authority key identifier, as iOS's parent lookup
 * does by name, §1.3), and the chain is evaluated with system roots only (no app anchors) at the
 * case's validation time, iOS 26 rules:
 * <ul>
 *   <li>with the FIRST store version holding that root → trusted, anchored at a system root;</li>
 *   <li>with the version before it → not trusted, {@code MissingIntermediate} (the issuing CA's
 *       issuer is nowhere to be found, §2.3 step 2);</li>
 *   <li>where Apple later removed the root, the first store without it → not trusted again.</li>
 * </ul>
 * CT: these leaves are system-trusted and issued after 2018-10-16, so iOS requires them to be
 * CT-qualified (§8.1); the evaluation supplies the CT log list a device had then — the one shipped with
 * the newest store version dated before the instant ({@link #logListAt}). limbo's validation time is
 * 1 s after each leaf's notBefore, before its SCTs were timestamped, so at that instant iOS would not yet
 * count them (§8.2 item 2): there the only failure allowed is {@code SystemTrustedCTRequired}, with every
 * SCT's verdict "future timestamp". A day later the same chains are fully trusted and CT-qualified.
 */
class OnlineChainsTrustStoreHistoryTest {
    private static final List<TrustStoreVersionInfo> VERSIONS = AppleTrustStores.versions();

    /** What the chain needs from Apple's store, and when Apple shipped it. */
    record RootHistory(
            LimboCase limboCase,
            List<Certificate> chain,
            String rootName,
            int first,
            Optional<Integer> before,
            Optional<Integer> removedIn,
            Optional<Integer> firstByteIdentical) {
        boolean presentInEveryVersion() {
            return before.isEmpty();
        }
    }

    private static final Map<String, String> REPORT = new ConcurrentSkipListMap<>();

    @AfterAll
    static void writeReport() throws IOException {
        if (!REPORT.isEmpty()) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target/online-trust-store-history.txt"), String.join("\n", REPORT.values()) + "\n");
        }
    }

    @Test
    void theOnlineCasesAreFourteenRealChains() {
        assertThat(onlineCases()).hasSize(14);
    }

    @TestFactory
    Stream<DynamicContainer> everyOnlineChain_isTrustedFromTheFirstStoreHoldingItsRoot_andNotBefore() {
        return onlineCases().stream()
                .map(OnlineChainsTrustStoreHistoryTest::history)
                .map(h -> {
                    List<DynamicTest> tests = new ArrayList<>();
                    tests.add(dynamicTest(
                            "store " + h.first() + label(h.first()) + ", at limbo's instant: anchored at the system "
                                    + "root; only CT may fail, because the SCTs postdate that instant",
                            () -> assertAnchoredAtCapture(h)));
                    tests.add(dynamicTest(
                            "store " + h.first() + label(h.first()) + ", a day later: trusted and CT-qualified",
                            () -> assertTrustedBySystemRoot(h, h.first())));
                    h.before()
                            .ifPresent(v -> tests.add(dynamicTest(
                                    "not trusted with store " + v + label(v)
                                            + " (before the root): MissingIntermediate",
                                    () -> assertRootMissing(h, v))));
                    int newest = VERSIONS.get(VERSIONS.size() - 1).trustStoreVersion();
                    if (h.removedIn().isEmpty() && newest != h.first()) {
                        tests.add(dynamicTest(
                                "trusted with the newest store " + newest + label(newest) + ", a day later",
                                () -> assertTrustedBySystemRoot(h, newest)));
                    }
                    h.removedIn()
                            .ifPresent(v -> tests.add(dynamicTest(
                                    "not trusted with store " + v + label(v) + " (root removed): MissingIntermediate",
                                    () -> assertRootMissing(h, v))));
                    String title = h.limboCase().id() + " — root '" + h.rootName() + "' "
                            + (h.presentInEveryVersion()
                                    ? "present in every bundled store ("
                                            + VERSIONS.get(0).trustStoreVersion() + "…)"
                                    : "first in store " + h.first())
                            + h.removedIn().map(v -> ", removed in " + v).orElse("")
                            + h.firstByteIdentical()
                                    .filter(v -> v != h.first())
                                    .map(v ->
                                            "; limbo's copy of the root (a re-issue, same name and key) only from " + v)
                                    .orElse("");
                    return dynamicContainer(title, tests);
                });
    }

    /**
     * At limbo's own validation time (1 s after the leaf's notBefore) the path is anchored at the root
     * of the first store holding it, and nothing but CT fails: every SCT is timestamped after that
     * instant, and iOS only counts SCTs not in the future (§8.2 item 2), so the system-trusted leaf is
     * not yet CT-qualified (§8.1). The chain is reported as such, not as an anchor problem.
     */
    private static void assertAnchoredAtCapture(RootHistory h) {
        TrustReport r = systemOnly(h, h.first(), h.limboCase().evaluationTime());
        REPORT.put(h.limboCase().id() + "@" + h.first() + "@limbo-time", line(h, h.first(), "limbo's instant", r));
        assertAnchoredAtSystemRoot(h, h.first(), r);
        if (r.trusted()) {
            return;
        }
        assertThat(failureCodes(r))
                .as("%s at limbo's instant: only CT may fail: %s", h.limboCase().id(), r.failures())
                .containsExactly(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED);
        List<String> verdicts = sctVerdicts(r);
        assertThat(verdicts)
                .as("%s: SCT verdicts", h.limboCase().id())
                .isNotEmpty()
                .containsOnly("FUTURE_TIMESTAMP");
    }

    /** A day after capture, with the log list of that time: fully trusted, CT-qualified, at the system root. */
    private static void assertTrustedBySystemRoot(RootHistory h, int version) {
        TrustReport r = systemOnly(h, version, dayAfter(h));
        REPORT.put(h.limboCase().id() + "@" + version, line(h, version, "a day later", r));
        assertThat(r.trusted())
                .as("%s with store %d: %s", h.limboCase().id(), version, r.failures())
                .isTrue();
        assertThat(r.result()).isEqualTo(SecTrustResult.UNSPECIFIED);
        assertThat(r.info().certificateTransparency()).as("CT-qualified").isTrue();
        assertAnchoredAtSystemRoot(h, version, r);
    }

    private static void assertAnchoredAtSystemRoot(RootHistory h, int version, TrustReport r) {
        PathCertificate top = r.path().get(r.path().size() - 1);
        assertThat(top.role()).as("%s: path %s", h.limboCase().id(), r.path()).isEqualTo(CertificateRole.ANCHOR);
        assertThat(top.anchorSource()).contains(AnchorSource.SYSTEM);
        assertThat(top.presented()).isFalse();
        assertThat(r.trustStoreVersion()).hasValue(version);
    }

    private static String line(RootHistory h, int version, String when, TrustReport r) {
        return String.format(
                "%-30s root %-45s store %d%s%s, %-15s -> %s %s CT-qualified=%s",
                h.limboCase().id(),
                "'" + h.rootName() + "'",
                version,
                h.before().map(b -> " (before: " + b + ")").orElse(" (every store)"),
                h.removedIn().map(v -> " removed " + v).orElse(""),
                when,
                r.result(),
                failureCodes(r),
                r.info().certificateTransparency());
    }

    /** The verdict of every SCT, from the CertificateTransparency information finding. */
    private static List<String> sctVerdicts(TrustReport r) {
        List<String> out = new ArrayList<>();
        r.findings().stream()
                .filter(f -> f.code() == FindingCode.CERTIFICATE_TRANSPARENCY)
                .forEach(f -> {
                    Object scts = f.evidence().get("scts");
                    if (scts instanceof List<?> list) {
                        for (Object o : list) {
                            if (o instanceof Map<?, ?> m) {
                                out.add(String.valueOf(m.get("verdict")));
                            }
                        }
                    }
                });
        return out;
    }

    private static Instant dayAfter(RootHistory h) {
        return h.limboCase().evaluationTime().plus(java.time.Duration.ofDays(1));
    }

    private static void assertRootMissing(RootHistory h, int version) {
        TrustReport r = systemOnly(h, version);
        assertThat(r.trusted())
                .as(h.limboCase().id() + " with store " + version)
                .isFalse();
        assertThat(failureCodes(r))
                .as("%s with store %d: %s", h.limboCase().id(), version, r.failures())
                .contains(FindingCode.MISSING_INTERMEDIATE)
                .doesNotContain(FindingCode.ANCHOR_TRUSTED);
        assertThat(r.error().map(e -> e.code())).hasValue(-25318); // errSecCreateChainFailed
    }

    // ---- iOS 12 vs iOS 17: a root added and a root removed between their stores ----

    /**
     * ISRG Root X2 (Let's Encrypt's ECDSA root) is absent from the iOS 12.0 store (2018071800) and
     * present in iOS 17.0's (2023071300): the real stackoverflow.com chain of 2023-11-16 (leaf + E1, a day
     * after limbo's capture instant)
     * fails on iOS 12 because the issuer of E1 cannot be found, and is trusted, anchored at the system
     * root, on iOS 17 (with the CT log list of the capture time, see the class comment).
     */
    @Test
    void isrgRootX2_addedBetweenIos12AndIos17_stackoverflowChain_failsOnIos12_anchorsOnIos17() {
        LimboCase so = onlineCases().stream()
                .filter(c -> c.id().equals("online::stackoverflow.com"))
                .findFirst()
                .orElseThrow();
        List<Certificate> chain = LimboRun.chain(so);
        byte[] rootName = chain.get(chain.size() - 1).issuer().der();
        assertThat(ssl(AppleTrustStores.forIos("12.0"), rootName))
                .as("ISRG Root X2 in the iOS 12.0 store")
                .isEmpty();
        assertThat(ssl(AppleTrustStores.forIos("17.0"), rootName))
                .as("ISRG Root X2 in the iOS 17.0 store")
                .isNotEmpty();

        Instant at =
                so.evaluationTime().plus(java.time.Duration.ofDays(1)); // once its SCTs exist (see the class comment)
        TrustReport ios12 = SecTrust.ios("12.0").forServer(so.peerName()).at(at).evaluate(chain);
        assertThat(ios12.trusted()).isFalse();
        assertThat(failureCodes(ios12)).contains(FindingCode.MISSING_INTERMEDIATE);
        assertThat(ios12.error().map(e -> e.code())).hasValue(-25318);

        TrustReport ios17 = SecTrust.ios("17.0")
                .withCtLogs(logListAt(at))
                .forServer(so.peerName())
                .at(at)
                .evaluate(chain);
        assertThat(ios17.trusted()).as("iOS 17.0: %s", ios17.failures()).isTrue();
        assertThat(ios17.info().certificateTransparency()).isTrue();
        PathCertificate top = ios17.path().get(ios17.path().size() - 1);
        assertThat(top.subject()).contains("ISRG Root X2");
        assertThat(top.anchorSource()).contains(AnchorSource.SYSTEM);
    }

    /**
     * "Symantec Class 3 Public Primary Certification Authority - G4" is in the iOS 12.0 store and was
     * removed before iOS 17.0's (Apple's Symantec distrust). A minted leaf cannot chain to a real root,
     * so the real root certificate is the presented chain (a self-signed root is a valid one-certificate
     * chain for the basic X.509 policy, §1.4 step 1): iOS 12 finds it in the system anchor source,
     * iOS 17 does not and reports the self-signed top as untrusted ({@code AnchorTrusted}, §2.3 step 2).
     */
    @Test
    void symantecClass3G4_removedBetweenIos12AndIos17_trustedOnIos12_anchorTrustedFailureOnIos17() throws IOException {
        String sha256 = "53DFDFA4E297FCFE07594E8C62D5B8AB06B32C7549F38A163094FD6429D5DA43";
        Certificate root = Certificate.parse(Files.readAllBytes(SharedData.appleCertificate(sha256)));
        assertThat(root.subject().commonNames())
                .containsExactly("Symantec Class 3 Public Primary Certification Authority - G4");
        assertThat(AppleTrustStores.forIos("12.0").isTrustedForSsl(root.sha256()))
                .isTrue();
        assertThat(AppleTrustStores.forIos("17.0").anchor(root.sha256())).isEmpty();
        Instant at = Instant.parse("2023-07-01T00:00:00Z"); // inside the root's validity (2012–2037)

        TrustReport ios12 = SecTrust.ios("12.0").basicPolicy().at(at).evaluate(List.of(root));
        assertThat(ios12.trusted()).as("iOS 12.0: %s", ios12.failures()).isTrue();
        assertThat(ios12.path()).hasSize(1);
        assertThat(ios12.path().get(0).anchorSource()).contains(AnchorSource.SYSTEM);

        TrustReport ios17 = SecTrust.ios("17.0").basicPolicy().at(at).evaluate(List.of(root));
        assertThat(ios17.trusted()).isFalse();
        assertThat(failureCodes(ios17)).containsExactly(FindingCode.ANCHOR_TRUSTED);
        assertThat(ios17.error().map(e -> e.code())).hasValue(-67843); // errSecNotTrusted
    }

    // ---- helpers ----

    private static List<LimboCase> onlineCases() {
        return LimboCase.loadAll().stream().filter(LimboCase::online).toList();
    }

    private static TrustReport systemOnly(RootHistory h, int version) {
        return systemOnly(h, version, h.limboCase().evaluationTime());
    }

    private static TrustReport systemOnly(RootHistory h, int version, Instant at) {
        return SecTrust.newest()
                .withTrustStoreVersion(version)
                .withCtLogs(logListAt(at))
                .forServer(h.limboCase().peerName())
                .at(at)
                .evaluate(h.chain());
    }

    /**
     * The CT log list of the newest store version dated (by its YYYYMMDDNN version number) on or before
     * {@code instant}: what a device that kept its trust-supplementals current had then (§8.4, §11.6).
     */
    static CtLogList logListAt(Instant instant) {
        TrustStoreVersionInfo current = null;
        for (TrustStoreVersionInfo info : VERSIONS) {
            java.time.LocalDate dated = java.time.LocalDate.parse(
                    String.valueOf(info.trustStoreVersion() / 100), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            if (!dated.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().isAfter(instant)) {
                current = info;
            }
        }
        return CtLogList.of(AppleTrustStores.version(current.trustStoreVersion()));
    }

    private static Set<FindingCode> failureCodes(TrustReport r) {
        return r.failures().stream().map(f -> f.code()).collect(Collectors.toSet());
    }

    private static String label(int version) {
        TrustStoreVersionInfo info = VERSIONS.stream()
                .filter(i -> i.trustStoreVersion() == version)
                .findFirst()
                .orElseThrow();
        return info.iosReleases().isEmpty() ? "" : " (iOS " + String.join(", ", info.iosReleases()) + ")";
    }

    /** SSL-usable system anchors of {@code store} named {@code subject}. */
    private static List<AnchorRecord> ssl(AppleTrustStore store, byte[] subject) {
        return store.anchorsBySubject(subject).stream()
                .filter(a -> store.isTrustedForSsl(a.sha256()))
                .toList();
    }

    /** The root the chain's top certificate needs: same subject as its issuer, same key id as its AKI. */
    private static boolean fits(AnchorRecord a, Certificate top) {
        return top.authorityKeyIdentifier()
                .map(aki -> a.subjectKeyIdentifier() != null && Arrays.equals(a.subjectKeyIdentifier(), aki))
                .orElse(true);
    }

    static RootHistory history(LimboCase c) {
        List<Certificate> chain = LimboRun.chain(c);
        Certificate top = chain.get(chain.size() - 1);
        byte[] rootName = top.issuer().der();
        byte[] limboRoot = LimboRun.parse(c.trustedCerts()).get(0).sha256();
        Integer first = null;
        Integer before = null;
        Integer removed = null;
        Integer firstIdentical = null;
        Integer previous = null;
        for (TrustStoreVersionInfo info : VERSIONS) {
            AppleTrustStore store = AppleTrustStores.version(info.trustStoreVersion());
            boolean has = ssl(store, rootName).stream().anyMatch(a -> fits(a, top));
            if (has && first == null) {
                first = info.trustStoreVersion();
                before = previous;
            }
            if (!has && first != null && removed == null) {
                removed = info.trustStoreVersion();
            }
            if (firstIdentical == null && store.isTrustedForSsl(limboRoot)) {
                firstIdentical = info.trustStoreVersion();
            }
            previous = info.trustStoreVersion();
        }
        if (first == null) {
            throw new AssertionError(c.id() + ": no bundled store holds the root " + top.issuer());
        }
        String name = top.issuer().commonNames().stream()
                .findFirst()
                .orElse(top.issuer().toString());
        return new RootHistory(
                c,
                chain,
                name,
                first,
                Optional.ofNullable(before),
                Optional.ofNullable(removed),
                Optional.ofNullable(firstIdentical));
    }
}
