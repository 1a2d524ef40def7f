package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The user's exceptions (§12.4) never make a chain trusted that iOS would refuse: with any subset of the
 * exceptions a device could hold for a chain (random checks dropped per position, random positions
 * emptied, another leaf's exceptions), the chain is trusted exactly when it has no Fatal or Deny failure
 * and every one of its failures is excepted — and then the result is Proceed. Checked on iOS 10.3
 * (client-side, all-or-nothing), 12.0 and 17.4 (per failure), over chains failing in different ways.
 */
class ExceptionProperties {
    private static final TestPki PKI = TestPki.seeded(1212);
    private static final Instant NOW = PKI.now();
    private static final HeldCertificate ROOT = PKI.root("Northwind Root").build();
    private static final HeldCertificate CA =
            PKI.intermediate("Northwind Issuing CA", ROOT).build();
    private static final HeldCertificate LEAF =
            PKI.leaf("www.northwind.com", CA).build();
    private static final HeldCertificate EXPIRED = PKI.leaf("old.northwind.com", CA)
            .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)))
            .build();
    private static final HeldCertificate OTHER =
            PKI.leaf("www.northwind.com", CA).build();
    private static final byte[] REVOKED = PKI.ocsp(LEAF, CA)
            .revoked(NOW.minus(Duration.ofDays(3)), RevocationReason.KEY_COMPROMISE)
            .build();
    private static final String[] RELEASES = {"10.3", "12.0", "17.4"};

    /** One way a chain fails: the device configuration and the chain served. */
    private record Scenario(String name, SecTrust device, List<Certificate> chain) {}

    private static List<Scenario> scenarios(String release) {
        SecTrust base = SecTrust.ios(release).at(NOW);
        Certificate root = cert(ROOT);
        return List.of(
                new Scenario("root sent, not installed", base.forServer("www.northwind.com"), chain(LEAF, CA, ROOT)),
                new Scenario("no root at all", base.forServer("www.northwind.com"), chain(LEAF, CA)),
                new Scenario(
                        "wrong host and expired",
                        base.forServer("www.northwind.com").withAnchors(List.of(root)),
                        chain(EXPIRED, CA)),
                new Scenario(
                        "revoked and wrong host",
                        base.forServer("mail.northwind.com")
                                .withAnchors(List.of(root))
                                .withStapledOcsp(REVOKED),
                        chain(LEAF, CA)),
                new Scenario(
                        "trusted", base.forServer("www.northwind.com").withAnchors(List.of(root)), chain(LEAF, CA)));
    }

    @Property(tries = 200)
    void exceptionsNeverTrustWhatIosRefuses(
            @ForAll @IntRange(min = 0, max = 2) int releaseIndex,
            @ForAll @IntRange(min = 0, max = 4) int scenarioIndex,
            @ForAll long seed,
            @ForAll boolean otherLeaf) {
        Statistics.coverage(c -> {
            c.checkQuery(v -> "trusted".equals(v.get(1))).count(n -> n > 0);
            c.checkQuery(v -> "not trusted".equals(v.get(1))).count(n -> n > 0);
        });
        Scenario s = scenarios(RELEASES[releaseIndex]).get(scenarioIndex);
        TrustReport plain = s.device().evaluate(s.chain());
        TrustExceptions full = s.device().copyExceptions(s.chain());
        Random rnd = new Random(seed);
        List<TrustExceptions.Entry> entries = new ArrayList<>();
        for (int i = 0; i < full.entries().size(); i++) {
            TrustExceptions.Entry e = full.entries().get(i);
            Certificate at = i < plain.path().size() ? certAt(s, plain, i) : null;
            if (e.sha1().isEmpty() || at == null || (i > 0 && rnd.nextInt(5) == 0)) {
                entries.add(TrustExceptions.Entry.empty());
                continue;
            }
            Set<String> kept =
                    e.checks().stream().filter(c -> rnd.nextInt(3) > 0).collect(Collectors.toSet());
            Certificate who = i == 0 && otherLeaf ? cert(OTHER) : at;
            entries.add(TrustExceptions.Entry.of(who, kept));
        }
        TrustExceptions subset = TrustExceptions.of(entries);
        TrustReport withEx = s.device().withExceptions(subset).evaluate(s.chain());

        boolean kept = !entries.isEmpty() && !(otherLeaf && !full.entries().isEmpty());
        Set<String> excepted = new TreeSet<>();
        for (int i = 0; i < subset.entries().size(); i++) {
            for (String c : subset.entries().get(i).checks()) {
                excepted.add(i + ":" + c);
            }
        }
        boolean refusedAnyway = plain.failures().stream()
                .anyMatch(f -> f.severity() == Severity.FATAL || f.severity() == Severity.DENY);
        boolean allExcepted = plain.failures().stream()
                .allMatch(f ->
                        excepted.contains(f.certificateIndex() + ":" + f.code().code()));
        boolean expectTrusted = plain.trusted() || (kept && !refusedAnyway && allExcepted);

        Statistics.collect(s.name(), expectTrusted ? "trusted" : "not trusted");
        assertThat(withEx.trusted())
                .as(
                        "%s on iOS %s; plain failures %s; exceptions %s; report %s",
                        s.name(), RELEASES[releaseIndex], codes(plain), subset, codes(withEx))
                .isEqualTo(expectTrusted);
        if (withEx.trusted() && kept) {
            assertThat(withEx.result()).isEqualTo(SecTrustResult.PROCEED);
        }
        if (refusedAnyway) {
            assertThat(withEx.result()).isEqualTo(plain.result());
        }
    }

    private static Certificate certAt(Scenario s, TrustReport plain, int index) {
        String sha = plain.path().get(index).sha256();
        for (Certificate c : s.chain()) {
            if (c.sha256HexUpperCase().equals(sha)) {
                return c;
            }
        }
        return null; // a certificate the server did not send (e.g. a store root): leave that position empty
    }

    private static List<String> codes(TrustReport r) {
        return r.findings().stream()
                .filter(Finding::isFailure)
                .map(f -> f.certificateIndex() + ":" + f.code().code())
                .toList();
    }

    private static Certificate cert(HeldCertificate c) {
        return Hardening.certs(c).get(0);
    }

    private static List<Certificate> chain(HeldCertificate... certs) {
        return Hardening.certs(certs);
    }
}
