package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the CT evaluation of one path reads (spec §8.2): the leaf, its issuer's key (chain
 * position 1; absent for a one-certificate chain), the SCTs delivered outside the certificate, and
 * the verify instant. Immutable; byte arrays are copied in and out.
 */
public final class CtRequest {
    /** The leaf's DER: given, or (built from a parsed leaf) copied from it on first use; CT needs it only for SCT entries. */
    private volatile byte[] leafDer;
    /** The parsed leaf when the request was built from one (its Bouncy Castle view is reused); else null. */
    private final io.github.sectrust4j.cert.Certificate parsedLeaf;

    private final Optional<byte[]> issuerSpkiDer;
    private final Instant verifyTime;
    private final ImmutableList<byte[]> tlsScts;
    private final ImmutableList<byte[]> tlsSctLists;
    private final ImmutableList<byte[]> ocspSctLists;
    private final ImmutableList<byte[]> ocspSctExtensionValues;
    private final ImmutableList<byte[]> stapledOcspResponses;

    private CtRequest(Builder b) {
        this.leafDer = b.leafDer;
        this.parsedLeaf = b.parsedLeaf;
        this.issuerSpkiDer = b.issuerSpkiDer;
        this.verifyTime = b.verifyTime;
        this.tlsScts = built(b.tlsScts);
        this.tlsSctLists = built(b.tlsSctLists);
        this.ocspSctLists = built(b.ocspSctLists);
        this.ocspSctExtensionValues = built(b.ocspSctExtensionValues);
        this.stapledOcspResponses = built(b.stapledOcspResponses);
    }

    private static ImmutableList<byte[]> built(List<byte[]> list) {
        return list == null ? ImmutableList.of() : ImmutableList.copyOf(list);
    }

    /**
     * Starts a request for this leaf (DER) evaluated at {@code verifyTime} (the SecTrust verify date:
     * SCTs after it are "in the future", §1.1).
     */
    public static Builder builder(byte[] leafDer, Instant verifyTime) {
        return new Builder(leafDer, verifyTime);
    }

    /** As {@link #builder(byte[], Instant)} for a parsed leaf. */
    public static Builder builder(io.github.sectrust4j.Cert leaf, Instant verifyTime) {
        return new Builder(
                io.github.sectrust4j.cert.CertificateInput.fromCert(requireNonNull(leaf, "leaf")), verifyTime);
    }

    public byte[] leafDer() {
        return leafView().clone();
    }

    public Optional<byte[]> issuerSpkiDer() {
        return issuerSpkiDer.map(byte[]::clone);
    }

    /** The issuer's key without a copy (the evaluator reads it, never changes it). */
    Optional<byte[]> issuerSpkiView() {
        return issuerSpkiDer;
    }

    public Instant verifyTime() {
        return verifyTime;
    }

    List<byte[]> tlsScts() {
        return tlsScts;
    }

    List<byte[]> tlsSctLists() {
        return tlsSctLists;
    }

    List<byte[]> ocspSctLists() {
        return ocspSctLists;
    }

    List<byte[]> ocspSctExtensionValues() {
        return ocspSctExtensionValues;
    }

    List<byte[]> stapledOcspResponses() {
        return stapledOcspResponses;
    }

    byte[] leafView() {
        byte[] d = leafDer;
        if (d == null) {
            d = parsedLeaf.der(); // a copy: racing threads store equal arrays
            leafDer = d;
        }
        return d;
    }

    /** The parsed leaf this request was built from, if any (same DER as {@link #leafView()}). */
    Optional<io.github.sectrust4j.cert.Certificate> parsedLeaf() {
        return Optional.ofNullable(parsedLeaf);
    }

    /** Collects the inputs; each adder copies its bytes. */
    public static final class Builder {
        private final byte[] leafDer;
        private final io.github.sectrust4j.cert.Certificate parsedLeaf;
        private final Instant verifyTime;
        private Optional<byte[]> issuerSpkiDer = Optional.empty();
        // each list is made on its first add: most requests carry no SCTs or OCSP responses beside the leaf
        private List<byte[]> tlsScts;
        private List<byte[]> tlsSctLists;
        private List<byte[]> ocspSctLists;
        private List<byte[]> ocspSctExtensionValues;
        private List<byte[]> stapledOcspResponses;

        private Builder(byte[] leafDer, Instant verifyTime) {
            this.leafDer = requireNonNull(leafDer, "leafDer").clone();
            this.parsedLeaf = null;
            this.verifyTime = requireNonNull(verifyTime, "verifyTime");
        }

        private Builder(io.github.sectrust4j.cert.Certificate leaf, Instant verifyTime) {
            this.leafDer = null; // copied from the certificate only if an SCT needs it
            this.parsedLeaf = leaf;
            this.verifyTime = requireNonNull(verifyTime, "verifyTime");
        }

        /**
         * The SubjectPublicKeyInfo DER of the leaf's issuer (chain position 1). Without it embedded SCTs
         * cannot be verified and stapled OCSP responses are not matched (§8.2).
         */
        public Builder issuerSpki(byte[] spkiDer) {
            this.issuerSpkiDer = Optional.of(requireNonNull(spkiDer, "spkiDer").clone());
            return this;
        }

        /** The issuer's key, from the parsed certificate at chain position 1. */
        public Builder issuer(io.github.sectrust4j.Cert issuer) {
            // the key's own bytes, not a copy: the request never changes them and hands out only copies
            this.issuerSpkiDer =
                    Optional.of(io.github.sectrust4j.cert.CertificateInput.fromCert(requireNonNull(issuer, "issuer"))
                            .publicKey()
                            .spkiDerView());
            return this;
        }

        /** One serialized SCT from the TLS extension ({@code SecTrustSetSignedCertificateTimestamps}). */
        public Builder tlsSct(byte[] sct) {
            tlsScts = added(tlsScts, requireNonNull(sct, "sct").clone());
            return this;
        }

        /** A TLS-encoded SignedCertificateTimestampList as the signed_certificate_timestamp TLS extension carries it. */
        public Builder tlsSctList(byte[] tlsEncodedList) {
            tlsSctLists = added(
                    tlsSctLists,
                    requireNonNull(tlsEncodedList, "tlsEncodedList").clone());
            return this;
        }

        /**
         * The TLS-encoded SignedCertificateTimestampList already extracted from the matching single
         * response of a successful stapled OCSP response (the content of the OCTET STRING inside
         * extension 1.3.6.1.4.1.11129.2.4.5). Use {@link #stapledOcspResponse} to have it extracted.
         */
        public Builder ocspSctList(byte[] tlsEncodedList) {
            ocspSctLists = added(
                    ocspSctLists,
                    requireNonNull(tlsEncodedList, "tlsEncodedList").clone());
            return this;
        }

        /**
         * The extnValue octets of extension 1.3.6.1.4.1.11129.2.4.5 of the matching single response of a
         * successful stapled OCSP response (a DER OCTET STRING wrapping the TLS-encoded list), as the
         * revocation code finds it.
         */
        public Builder ocspSctExtensionValue(byte[] extnValueOctets) {
            ocspSctExtensionValues = added(
                    ocspSctExtensionValues,
                    requireNonNull(extnValueOctets, "extnValueOctets").clone());
            return this;
        }

        /**
         * A stapled OCSP response (DER OCSPResponse): its SCTs are taken from the single response that
         * matches the leaf and issuer, if the status is successful (§8.2). Do not pass the same response
         * also through {@link #ocspSctList} or {@link #ocspSctExtensionValue}.
         */
        public Builder stapledOcspResponse(byte[] ocspResponseDer) {
            stapledOcspResponses = added(
                    stapledOcspResponses,
                    requireNonNull(ocspResponseDer, "ocspResponseDer").clone());
            return this;
        }

        public CtRequest build() {
            return new CtRequest(this);
        }

        private static List<byte[]> added(List<byte[]> list, byte[] bytes) {
            List<byte[]> l = list == null ? new ArrayList<>(2) : list;
            l.add(bytes);
            return l;
        }
    }
}
