package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether iOS would fetch OCSP over the network for one chain position (spec §9.4 "Triggers for a
 * network fetch", §9.3). A pure decision.
 *
 * @param networkAllowed           the evaluation may use the network (and a fetcher is supplied)
 * @param hasIssuerInPath          the position has an issuer at position + 1
 * @param decisiveResponseHeld     a usable stapled or cached response already decides the position
 * @param ocspUrls                 the OCSP URLs of the certificate's AIA, in order
 * @param evPath                   the path qualifies as EV, or the leaf is EV-capable (§10)
 * @param revocationRequested      a Revocation policy requested checking (any method flag)
 * @param validSwitchedOn          the Valid database switched checking on (§9.2 "OCSP trigger")
 * @param expiredCachedResponse    a cached (revoked) response exists but has expired
 * @param mdmAdditionAbove         an MDM CA-revocation-addition CA is above this position (§9.3)
 */
public record OcspFetchTrigger(
        boolean networkAllowed,
        boolean hasIssuerInPath,
        boolean decisiveResponseHeld,
        List<URI> ocspUrls,
        boolean evPath,
        boolean revocationRequested,
        boolean validSwitchedOn,
        boolean expiredCachedResponse,
        boolean mdmAdditionAbove) {

    /** At this many OCSP URLs iOS gives up on fetching. */
    public static final int MAX_OCSP_URLS = 10;
    /** At most this many attempts per certificate. */
    public static final int MAX_ATTEMPTS = 3;

    public OcspFetchTrigger {
        ocspUrls = List.copyOf(requireNonNull(ocspUrls, "ocspUrls"));
    }

    /**
     * §9.3: true if a CA above {@code position} has its SPKI SHA-256 in the MDM CA-revocation
     * additions.
     *
     * @param spkiSha256ByPosition SHA-256 of each path certificate's subjectPublicKeyInfo DER, index = position
     * @param additions            the MDM-listed SPKI SHA-256 values
     */
    public static boolean mdmAdditionAbove(int position, List<byte[]> spkiSha256ByPosition, List<byte[]> additions) {
        for (int i = position + 1; i < spkiSha256ByPosition.size(); i++) {
            for (byte[] addition : additions) {
                if (java.util.Arrays.equals(spkiSha256ByPosition.get(i), addition)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The decision: which URLs to try, in order (at most {@link #MAX_ATTEMPTS}), or why not. */
    public Decision decide() {
        if (!networkAllowed) {
            return Decision.no("no network access");
        }
        if (!hasIssuerInPath) {
            return Decision.no("no issuer in the path");
        }
        if (decisiveResponseHeld) {
            return Decision.no("a usable response is already held");
        }
        if (!(evPath || revocationRequested || validSwitchedOn || expiredCachedResponse || mdmAdditionAbove)) {
            return Decision.no("no trigger (not EV, revocation not requested, not switched on by Valid or MDM)");
        }
        if (ocspUrls.size() >= MAX_OCSP_URLS) {
            return Decision.no(ocspUrls.size() + " OCSP URLs (iOS fetches none at 10 or more)");
        }
        List<URI> http = new ArrayList<>();
        for (URI url : ocspUrls) {
            if (url.getScheme() != null
                    && url.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
                http.add(url);
            }
        }
        if (http.isEmpty()) {
            return Decision.no("no http: OCSP URL");
        }
        List<URI> attempts = new ArrayList<>();
        for (int i = 0; attempts.size() < MAX_ATTEMPTS; i++) {
            attempts.add(http.get(i % http.size()));
        }
        return new Decision(true, List.copyOf(attempts), "fetch");
    }

    /**
     * @param fetch    whether to fetch
     * @param attempts the URLs to try in order until one gives a usable response
     * @param reason   why (not)
     */
    public record Decision(boolean fetch, List<URI> attempts, String reason) {
        public Decision {
            attempts = List.copyOf(attempts);
            requireNonNull(reason, "reason");
        }

        static Decision no(String reason) {
            return new Decision(false, List.of(), reason);
        }
    }
}
