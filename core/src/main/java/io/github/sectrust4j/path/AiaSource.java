package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.spi.AiaFetcher;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network "CA Issuers" parent source (§1.3): fetches a missing issuer from the child's AIA
 * caIssuers URLs through the caller's {@link AiaFetcher}. Apple's limits: http: URLs only, at most
 * 3 requests per certificate, none for a certificate with 10 or more caIssuers URLs, none for a
 * certificate expired at the verify time; a fetched certificate is used only if its subject equals
 * the child's issuer (normalized). Each URL is fetched at most once per evaluation. One per evaluation.
 */
final class AiaSource implements CertificateSource {
    static final int MAX_REQUESTS_PER_CERTIFICATE = 3;
    static final int MAX_URLS = 10;

    private final AiaFetcher fetcher;
    private final Instant verifyTime;
    private final Map<String, List<Certificate>> fetched = new HashMap<>();

    AiaSource(AiaFetcher fetcher, Instant verifyTime) {
        this.fetcher = fetcher;
        this.verifyTime = verifyTime;
    }

    @Override
    public List<Certificate> parentsOf(Certificate child) {
        if (child.isSynthetic()
                || !child.isValidAt(verifyTime)
                || child.normalizedIssuer().isEmpty()) {
            return List.of();
        }
        List<String> urls = child.authorityInfoAccess().map(a -> a.caIssuers()).orElse(List.of());
        if (urls.size() >= MAX_URLS) {
            return List.of();
        }
        List<Certificate> out = new ArrayList<>();
        int requests = 0;
        for (String url : urls) {
            if (!url.toLowerCase(Locale.ROOT).startsWith("http:")) {
                continue;
            }
            if (requests++ >= MAX_REQUESTS_PER_CERTIFICATE) {
                break;
            }
            for (Certificate c : fetch(url)) {
                if (c.normalizedSubject().equals(child.normalizedIssuer()) && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private List<Certificate> fetch(String url) {
        return fetched.computeIfAbsent(url, u -> {
            try {
                Optional<byte[]> body = fetcher.fetch(URI.create(u));
                return body.isEmpty() ? List.of() : CertificateInput.parse(body.get());
            } catch (RuntimeException e) {
                return List.of(); // a failed fetch or an unusable body is no parent (iOS ignores it)
            }
        });
    }

    @Override
    public CertificateOrigin origin() {
        return CertificateOrigin.AIA_FETCHED;
    }
}
