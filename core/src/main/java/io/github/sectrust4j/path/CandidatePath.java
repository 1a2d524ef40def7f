package io.github.sectrust4j.path;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One path built from the leaf upwards ({@code c[0]} leaf … {@code c[n-1]} top), with what path
 * validation needs to know about its trust. Immutable.
 *
 * @param certificates       leaf first
 * @param origins            where each certificate came from, index-aligned
 * @param anchor             present iff the top is an anchor in some anchor source (§1.4 "anchored")
 * @param topSelfSigned      the top is self-issued and its signature verifies with its own key
 * @param systemTrusted      the top is byte-for-byte a root of the system store (or an extra system root),
 *                           however it became an anchor (§0 "System-trusted")
 * @param appleRoot          the top is one of Apple's hard-coded roots (§1.3)
 * @param signaturesVerified every link {@code c[i]} signed by {@code c[i+1]} verified (false only for scored partials)
 * @param userTrustSettings  for every chain index whose certificate is in the user trust store (an active
 *                           anchor source, i.e. not anchors-only) and was not made an anchor by another
 *                           source (app anchors, Apple roots, system store — as Apple keeps the constraints of
 *                           the deciding source): its constraints (used after validation for
 *                           {@code UsageConstraints} and Proceed, §7.3)
 */
public record CandidatePath(
        List<Certificate> certificates,
        List<CertificateOrigin> origins,
        Optional<AnchorInfo> anchor,
        boolean topSelfSigned,
        boolean systemTrusted,
        boolean appleRoot,
        boolean signaturesVerified,
        Map<Integer, List<TrustSetting>> userTrustSettings) {
    public CandidatePath {
        // the path builder's lists are immutable already (Guava's, which List.copyOf would copy again)
        certificates = certificates instanceof ImmutableList<Certificate> l ? l : List.copyOf(certificates);
        origins = origins instanceof ImmutableList<CertificateOrigin> l ? l : List.copyOf(origins);
        checkArgument(!certificates.isEmpty(), "a path holds at least the leaf");
        checkArgument(origins.size() == certificates.size(), "origins must be index-aligned with certificates");
        requireNonNull(anchor, "anchor");
        userTrustSettings = ImmutableSortedMap.copyOf(userTrustSettings); // by chain index, in every run
    }

    public int size() {
        return certificates.size();
    }

    public Certificate leaf() {
        return certificates.get(0);
    }

    public Certificate top() {
        return certificates.get(certificates.size() - 1);
    }

    public Certificate get(int index) {
        return certificates.get(index);
    }

    public boolean anchored() {
        return anchor.isPresent();
    }

    /** The index of the top certificate. */
    public int topIndex() {
        return certificates.size() - 1;
    }

    /**
     * Whether the certificate at {@code index} is self-signed: the top uses the builder's verified
     * {@link #topSelfSigned()}; below the top, a self-issued certificate whose issuer in the path holds
     * the same key (the path verified the link, so its own key verifies it) — e.g. a re-issued root with
     * a new serial under the original (§9.2 step 1). Below the top only on a path whose links were
     * verified: on a scored partial path nothing below the top counts as self-signed (every policy
     * check and the revocation pass read self-signed through this one rule).
     */
    public boolean selfSignedAt(int index) {
        if (index == topIndex()) {
            return topSelfSigned;
        }
        Certificate c = certificates.get(index);
        return signaturesVerified
                && c.isSelfIssued()
                && c.publicKey().equals(certificates.get(index + 1).publicKey());
    }

    /** True if the anchored top came from the user trust store (§0 "user-anchored"). */
    public boolean userAnchored() {
        return anchor.map(AnchorInfo::isUserStore).orElse(false);
    }

    /**
     * True if the leaf itself is an anchor in the user trust store: exempts it from KeySize,
     * OtherTrustValidityPeriod and ServerAuthEKU (§4.2, §5.2, §14.3).
     */
    public boolean leafIsUserStoreAnchor() {
        return size() == 1 && userAnchored();
    }
}
