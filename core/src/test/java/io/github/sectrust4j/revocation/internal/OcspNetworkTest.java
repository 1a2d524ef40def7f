package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.revocation.OcspFetcher;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.junit.jupiter.api.Test;

/** §9.4 "Triggers for a network fetch" and "Request", with a fake fetcher (no network). */
class OcspNetworkTest {
    private static final OcspScene CHAIN = new OcspScene();
    private static final URI HTTP = URI.create("http://ocsp.example.test");
    private static final URI HTTP2 = URI.create("http://ocsp2.example.test");

    private static OcspFetchTrigger trigger(List<URI> urls, boolean ev, boolean requested, boolean valid, boolean mdm) {
        return new OcspFetchTrigger(true, true, false, urls, ev, requested, valid, false, mdm);
    }

    @Test
    void plainSslEvaluation_withoutAnyTrigger_doesNotFetch() {
        assertThat(trigger(List.of(HTTP), false, false, false, false).decide().fetch())
                .isFalse();
    }

    @Test
    void eachTrigger_aloneCausesAFetch() {
        assertThat(trigger(List.of(HTTP), true, false, false, false).decide().fetch())
                .isTrue();
        assertThat(trigger(List.of(HTTP), false, true, false, false).decide().fetch())
                .isTrue();
        assertThat(trigger(List.of(HTTP), false, false, true, false).decide().fetch())
                .isTrue();
        assertThat(trigger(List.of(HTTP), false, false, false, true).decide().fetch())
                .isTrue();
        assertThat(new OcspFetchTrigger(true, true, false, List.of(HTTP), false, false, false, true, false)
                        .decide()
                        .fetch())
                .isTrue();
    }

    @Test
    void noNetwork_noIssuer_orDecisiveResponseHeld_preventFetching() {
        assertThat(new OcspFetchTrigger(false, true, false, List.of(HTTP), true, true, true, true, true)
                        .decide()
                        .fetch())
                .isFalse();
        assertThat(new OcspFetchTrigger(true, false, false, List.of(HTTP), true, true, true, true, true)
                        .decide()
                        .fetch())
                .isFalse();
        assertThat(new OcspFetchTrigger(true, true, true, List.of(HTTP), true, true, true, true, true)
                        .decide()
                        .fetch())
                .isFalse();
    }

    @Test
    void onlyHttpUrlsAreUsed_httpsAloneMeansNoFetch() {
        assertThat(trigger(List.of(URI.create("https://ocsp.example.test")), true, false, false, false)
                        .decide()
                        .fetch())
                .isFalse();
        OcspFetchTrigger.Decision mixed = trigger(
                        List.of(URI.create("https://a.test"), HTTP), true, false, false, false)
                .decide();
        assertThat(mixed.attempts()).containsOnly(HTTP);
    }

    @Test
    void tenOrMoreOcspUrls_meanNoFetch_nineStillFetch() {
        assertThat(trigger(Collections.nCopies(10, HTTP), true, false, false, false)
                        .decide()
                        .fetch())
                .isFalse();
        assertThat(trigger(Collections.nCopies(9, HTTP), true, false, false, false)
                        .decide()
                        .fetch())
                .isTrue();
    }

    @Test
    void atMostThreeAttempts() {
        OcspFetchTrigger.Decision decision = trigger(
                        List.of(HTTP, HTTP2, URI.create("http://c.test"), URI.create("http://d.test")),
                        true,
                        false,
                        false,
                        false)
                .decide();
        assertThat(decision.attempts()).hasSize(3);
    }

    @Test
    void defaultFetcher_isNeverCalledAndChangesNothing() {
        OcspPosition before = OcspPosition.of(CHAIN.target());
        OcspFetchTrigger.Decision decision =
                trigger(List.of(HTTP), true, true, true, true).decide();
        assertThat(OcspNetworkCheck.fetch(before, decision, OcspFetcher.NONE, NOW))
                .isSameAs(before);
        assertThat(OcspFetcher.NONE.networkAvailable()).isFalse();
    }

    @Test
    void fakeFetcher_getsASha1CertIdRequest_andItsGoodAnswerDecides() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        byte[] good = CHAIN.response().build();
        OcspFetcher fake = (url, request) -> {
            requests.add(request);
            return Optional.of(good);
        };
        OcspPosition result = OcspNetworkCheck.fetch(
                OcspPosition.of(CHAIN.target()),
                trigger(List.of(HTTP), true, false, false, false).decide(),
                fake,
                NOW);
        assertThat(result.held()).isPresent();
        assertThat(requests).hasSize(1);
        Req[] reqs = new OCSPReq(requests.get(0)).getRequestList();
        assertThat(reqs).hasSize(1);
        assertThat(reqs[0].getCertID().getHashAlgOID().getId()).isEqualTo("1.3.14.3.2.26");
        assertThat(OcspResponseValidator.certIdMatches(reqs[0].getCertID(), CHAIN.target()))
                .isTrue();
    }

    @Test
    void failingFetcher_isSoftFail_andAllAttemptsAreRecorded() {
        List<URI> asked = new ArrayList<>();
        OcspFetcher failing = (url, request) -> {
            asked.add(url);
            if (url.equals(HTTP)) {
                throw new IOException("timeout");
            }
            return Optional.empty();
        };
        OcspPosition result = OcspNetworkCheck.fetch(
                OcspPosition.of(CHAIN.target()),
                trigger(List.of(HTTP, HTTP2), true, false, false, false).decide(),
                failing,
                NOW);
        assertThat(asked).containsExactly(HTTP, HTTP2, HTTP);
        assertThat(result.held()).isEmpty();
        assertThat(result.ignored()).extracting(OcspResponseCheck::verdict).containsOnly(OcspVerdict.NO_RESPONSE);
        assertThat(RevocationResult.fromOcsp(0, result).state()).isEqualTo(RevocationResult.State.NO_INFORMATION);
    }

    @Test
    void badFetchedResponse_isIgnored_thenTheNextAttemptCanDecide() {
        byte[] revoked = CHAIN.response()
                .revoked(NOW.minusSeconds(600), RevocationReason.KEY_COMPROMISE)
                .build();
        List<Optional<byte[]>> answers = new ArrayList<>(List.of(Optional.of(new byte[] {1}), Optional.of(revoked)));
        OcspFetcher fake = (url, request) -> answers.remove(0);
        OcspPosition result = OcspNetworkCheck.fetch(
                OcspPosition.of(CHAIN.target()),
                trigger(List.of(HTTP), false, true, false, false).decide(),
                fake,
                NOW);
        assertThat(RevocationResult.fromOcsp(0, result).isRevoked()).isTrue();
        assertThat(result.ignored()).extracting(OcspResponseCheck::verdict).containsExactly(OcspVerdict.MALFORMED);
    }
}
