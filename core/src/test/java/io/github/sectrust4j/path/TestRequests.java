package io.github.sectrust4j.path;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.spi.AiaFetcher;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A small mutable builder of {@link EvaluationRequest}s for tests (defaults: newest iOS, SSL, example.com). */
public final class TestRequests {
    public IosRelease release = IosRelease.NEWEST;
    public Policy policy = Policy.SSL_SERVER;
    public Optional<String> host = Optional.of("example.com");
    public Instant verifyTime = TestPki.DEFAULT_NOW;
    public List<Certificate> presented = new ArrayList<>();
    public List<Certificate> appAnchors = new ArrayList<>();
    public boolean anchorsOnly;
    public List<UserRoot> userRoots = new ArrayList<>();
    public List<Certificate> cached = new ArrayList<>();
    public Optional<AppleTrustStore> store = Optional.empty();
    public List<Certificate> extraSystemRoots = new ArrayList<>();
    public boolean network;
    public Optional<AiaFetcher> fetcher = Optional.empty();
    public PathBudget budget = PathBudget.DEFAULT;

    public static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    public static List<Certificate> certs(HeldCertificate... hs) {
        return Arrays.stream(hs).map(TestRequests::cert).toList();
    }

    public static TestRequests chain(HeldCertificate... presented) {
        TestRequests r = new TestRequests();
        r.presented.addAll(certs(presented));
        return r;
    }

    public TestRequests systemRoot(HeldCertificate... roots) {
        extraSystemRoots.addAll(certs(roots));
        return this;
    }

    public TestRequests appAnchor(HeldCertificate... roots) {
        appAnchors.addAll(certs(roots));
        return this;
    }

    public EvaluationRequest build() {
        return EvaluationRequest.builder(release, policy, verifyTime, presented)
                .referenceHost(host.map(ReferenceHost::of))
                .appAnchors(appAnchors)
                .anchorsOnly(anchorsOnly)
                .userRoots(userRoots)
                .cachedIntermediates(cached)
                .systemStore(store)
                .extraSystemRoots(extraSystemRoots)
                .network(network)
                .aiaFetcher(fetcher)
                .budget(budget)
                .build();
    }
}
