package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.cert.Der;
import io.github.sectrust4j.cert.DerivedFact;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtLogState;
import io.github.sectrust4j.ct.LogId;
import io.github.sectrust4j.text.ExceptionText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Apple's Certificate Transparency evaluation of one path (spec §8.2, §8.3): validates every SCT from
 * the three sources against the log list and decides CT qualification. Pure and thread-safe: the
 * result depends only on the arguments.
 */
public final class CtEvaluator {
    private CtEvaluator() {}

    /**
     * Evaluates the SCTs of {@code request} against {@code logs} with the CT rules of one release.
     * Never throws on malformed certificates or SCTs: they become {@link SctVerdict#MALFORMED}
     * outcomes or notes.
     */
    public static CtEvaluation evaluate(CtRequest request, CtLogList logs, CtReleaseRules rules) {
        SignatureBackends.current(); // a wrong -Dsectrust4j.verifier throws here, never reads as invalid SCTs
        return evaluate(request, logs, rules, CachingSctVerifier.SHARED);
    }

    /** As {@link #evaluate(CtRequest, CtLogList, CtReleaseRules)}, verifying SCT signatures through {@code verifier}. */
    static CtEvaluation evaluate(CtRequest request, CtLogList logs, CtReleaseRules rules, CachingSctVerifier verifier) {
        requireNonNull(request, "request");
        requireNonNull(logs, "logs");
        IosRelease release = requireNonNull(rules, "rules").release();
        if (!rules.ctEvaluation()) {
            // iOS 8 has no CT code (§13.2)
            return new CtEvaluation(
                    release,
                    false,
                    false,
                    CtQualificationPath.NONE,
                    Optional.empty(),
                    CtEvaluation.CountBasis.LOGS,
                    0,
                    0,
                    Optional.empty(),
                    List.of(),
                    List.of());
        }
        List<String> notes = new ArrayList<>();
        LeafFacts leaf = request.parsedLeaf()
                .map(LEAF_FACTS::of)
                .orElseGet(() -> LeafFacts.of(SctLists.decodeCertificate(request.leafView())));
        if (leaf.undecodable() != null) {
            notes.add("leaf certificate cannot be decoded, so no SCT can be checked: " + leaf.undecodable());
            return new CtEvaluation(
                    release,
                    true,
                    false,
                    CtQualificationPath.NONE,
                    Optional.empty(),
                    basis(rules),
                    0,
                    0,
                    Optional.empty(),
                    List.of(),
                    notes);
        }
        Judge judge = new Judge(request, logs, leaf, rules.countsByOperators(), notes, verifier);
        List<SctOutcome> outcomes = judge.judgeAll();
        return decide(rules, request.verifyTime(), leaf, outcomes, notes);
    }

    /**
     * The leaf as the CT rules read it: Bouncy Castle's structure, BC's validity times
     * ({@link LeafValidityTime}), the calendar months between them and the embedded SCT list — or, when
     * BC cannot decode it, why ({@code bc} null) — with the embedded SCTs parsed and the precert entry last
     * built. Depends on the leaf's bytes only (the precert entry also on the issuer key it is kept with).
     * BC's structure is only read for stapled OCSP responses: {@link #read} gives the same facts without it, and
     * for a leaf with embedded SCTs its precert TBS ({@code precertTbs}, else null) from the DER it read.
     */
    private record LeafFacts(
            java.util.function.Supplier<Certificate> bc,
            Instant notBefore,
            Instant notAfter,
            long months,
            Parsed<List<byte[]>> embedded,
            List<Parsed<SignedCertificateTimestamp>> embeddedScts,
            AtomicReference<PrecertEntry> lastPrecert,
            Parsed<byte[]> precertTbs,
            String undecodable) {
        static LeafFacts of(Parsed<Certificate> decoded) {
            Instant notBefore;
            Instant notAfter;
            try {
                notBefore = LeafValidityTime.of(decoded.value().orElseThrow().getStartDate());
                notAfter = LeafValidityTime.of(decoded.value().orElseThrow().getEndDate());
            } catch (RuntimeException e) {
                return new LeafFacts(
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null,
                        decoded.error().orElse(String.valueOf(e.getMessage())));
            }
            Certificate bc = decoded.value().get();
            return of(() -> bc, notBefore, notAfter, SctLists.embeddedIn(bc), null);
        }

        private static LeafFacts of(
                java.util.function.Supplier<Certificate> bc,
                Instant notBefore,
                Instant notAfter,
                Parsed<List<byte[]>> embedded,
                java.util.function.Supplier<Parsed<byte[]>> precertTbs) {
            List<Parsed<SignedCertificateTimestamp>> scts = new ArrayList<>();
            if (embedded.isOk()) {
                embedded.value().get().forEach(raw -> scts.add(SignedCertificateTimestamp.parse(raw)));
            }
            return new LeafFacts(
                    bc,
                    notBefore,
                    notAfter,
                    CtLifetimeRule.calendarMonths(notBefore, notAfter),
                    embedded,
                    List.copyOf(scts),
                    new AtomicReference<>(),
                    precertTbs == null
                                    || !embedded.isOk()
                                    || embedded.value().get().isEmpty()
                            ? null
                            : precertTbs.get(),
                    null);
        }

        /**
         * The facts {@link #of} gives for a leaf read as strict DER in the shape Bouncy Castle's holder takes, read
         * from its DER and its own extensions instead: BC's validity times are the plain forms
         * {@link LeafValidityTime#plain} decodes from the same bytes, and BC's extension of the SCT list OID is the
         * only one (a holder refuses a repeated one). Null (BC's reading decides) for a time in another form.
         */
        static LeafFacts read(io.github.sectrust4j.cert.Certificate leaf) {
            byte[] der = leaf.der(); // strict DER of version 3: [0] version first, validity fifth
            Der.Tlv cert = Der.read(der, 0, der.length);
            Der.Tlv tbs = Der.read(der, cert.contentStart(), der.length);
            List<Der.Tlv> fields = Der.children(der, tbs.contentStart(), tbs.end());
            Der.Tlv validity = fields.get(4);
            List<Der.Tlv> times = Der.children(der, validity.contentStart(), validity.end());
            Instant notBefore = LeafValidityTime.plain(
                    Arrays.copyOfRange(der, times.get(0).start(), times.get(0).end()));
            Instant notAfter = LeafValidityTime.plain(
                    Arrays.copyOfRange(der, times.get(1).start(), times.get(1).end()));
            if (notBefore == null || notAfter == null) {
                return null;
            }
            Parsed<List<byte[]>> embedded = Parsed.ok(List.of());
            for (io.github.sectrust4j.cert.Extension e : leaf.extensions()) {
                if (e.oid().equals(io.github.sectrust4j.cert.Oids.EMBEDDED_SCT_LIST)) {
                    embedded = SctLists.fromExtensionValue(e.value());
                    break;
                }
            }
            // the precert TBS from the same copy of the DER and its fields, when an embedded SCT will ask for it
            return of(
                    () -> leaf.bouncyCastleHolderKnownToParse().toASN1Structure(),
                    notBefore,
                    notAfter,
                    embedded,
                    () -> SignedEntries.precertTbsOfParsed(der, cert, tbs, fields));
        }
    }

    /**
     * The precert entry of a leaf under one issuer key, and the entry's SHA-256 on first use: kept on the
     * leaf's facts for the issuer key it was built with, so a warm evaluation neither rebuilds nor re-hashes it.
     */
    private static final class PrecertEntry {
        /** Starts the preimage of {@link #digest} when it names the entry by what fixes it (not an entry type). */
        private static final byte BY_LEAF_AND_ISSUER = (byte) 0xff;

        private final byte[] issuerSpki;
        private final Parsed<SignedEntries.Entry> entry;
        /** The SHA-256 of the leaf's DER, when the entry was built from that DER (a parsed, not synthetic leaf). */
        private final byte[] leafSha256;

        private volatile byte[] digest;

        PrecertEntry(byte[] issuerSpki, Parsed<SignedEntries.Entry> entry, byte[] leafSha256) {
            this.issuerSpki = issuerSpki;
            this.entry = entry;
            this.leafSha256 = leafSha256;
        }

        /**
         * A digest naming the entry for the SCT verdict cache: the entry is a function of the leaf's DER and the
         * issuer key alone, so where the leaf's SHA-256 is known the digest covers that and the issuer key's hash
         * (a few dozen bytes, where the entry is the whole TBS), else the entry itself. The two preimages differ in
         * their first byte (an entry starts with its type, 0 or 1), so they never name two entries alike.
         */
        byte[] digest() {
            byte[] d = digest;
            if (d == null) {
                d = leafSha256 != null
                        ? Hashing.sha256()
                                .newHasher()
                                .putByte(BY_LEAF_AND_ISSUER)
                                .putBytes(leafSha256)
                                .putBytes(SignedEntries.issuerKeyHash(issuerSpki))
                                .hash()
                                .asBytes()
                        : entry.value().orElseThrow().sha256();
                digest = d; // racing threads store equal arrays
            }
            return d;
        }
    }

    /**
     * The log list's entry for an SCT's log if iOS trusts it, from the entry {@link CtLogList#find} gave: what
     * {@link CtLogList#trusted} answers for the same id.
     */
    static Optional<CtLog> trustedAmong(Optional<CtLog> known) {
        return known.filter(l -> l.state().isTrusted());
    }

    /** The leaf's TBS without its SCT list (the precert entry's body): once per parsed leaf. */
    private static final DerivedFact<Parsed<byte[]>> PRECERT_TBS =
            DerivedFact.of(c -> SignedEntries.precertTbsOfParsed(c.der()));

    /** Worked out once per parsed leaf, not once per evaluation. */
    private static final DerivedFact<LeafFacts> LEAF_FACTS = DerivedFact.of(CtEvaluator::leafFacts);

    /** The precert TBS a parsed leaf's facts hold, if they were read with it (tests). */
    static Optional<Parsed<byte[]>> precertTbsAsRead(io.github.sectrust4j.cert.Certificate leaf) {
        return Optional.ofNullable(LEAF_FACTS.of(leaf).precertTbs());
    }

    /** A leaf Bouncy Castle's holder takes is read without building BC's structure (a stream of new leaves). */
    private static LeafFacts leafFacts(io.github.sectrust4j.cert.Certificate leaf) {
        LeafFacts read = leaf.strictHolderShape() ? LeafFacts.read(leaf) : null;
        return read != null ? read : LeafFacts.of(decodeParsed(leaf));
    }

    /**
     * Bouncy Castle's structure of a parsed leaf: its kept holder (the same structure
     * {@link SctLists#decodeCertificate} builds from the same DER, without parsing it again), else
     * decoded from the DER, which reports a failure in its own words.
     */
    private static Parsed<Certificate> decodeParsed(io.github.sectrust4j.cert.Certificate leaf) {
        try {
            return Parsed.ok(leaf.bouncyCastleHolder().toASN1Structure());
        } catch (java.io.IOException | RuntimeException e) {
            return SctLists.decodeCertificate(leaf.der());
        }
    }

    private static CtEvaluation.CountBasis basis(CtReleaseRules rules) {
        return rules.countsByOperators() ? CtEvaluation.CountBasis.OPERATORS : CtEvaluation.CountBasis.LOGS;
    }

    // ---- §8.3 decision ----

    private static CtEvaluation decide(
            CtReleaseRules rules, Instant verifyTime, LeafFacts leaf, List<SctOutcome> outcomes, List<String> notes) {
        IosRelease release = rules.release();
        CtLifetimeRule rule = CtLifetimeRule.forLeaf(leaf.notBefore(), leaf.notAfter(), leaf.months(), rules);
        if (rules.countsByOperators()) {
            return decideByOperators(release, verifyTime, rule, outcomes, notes);
        }
        // per log, only the earliest valid SCT is kept (§8.2); insertion order = input order
        EarliestPerLog current = new EarliestPerLog(outcomes.size()); // non-retired logs, any origin
        EarliestPerLog embedded = new EarliestPerLog(outcomes.size()); // any log, embedded only
        boolean validExternal = false;
        boolean validEmbeddedCurrent = false;
        for (int i = 0; i < outcomes.size(); i++) {
            SctOutcome o = outcomes.get(i);
            if (!o.verdict().isValid()) {
                continue;
            }
            CtLog log = o.log().orElseThrow();
            if (log.isCurrent()) {
                current.keep(log.logId(), i, outcomes);
            }
            if (o.origin() == SctOrigin.EMBEDDED) {
                embedded.keep(log.logId(), i, outcomes);
                validEmbeddedCurrent |= log.isCurrent();
            } else {
                validExternal = true; // rule 4 guarantees a non-retired log
            }
        }
        List<SctOutcome> marked = new ArrayList<>(outcomes);
        // issuance time T = earliest SCT among current logs (whole seconds, as iOS compares); iOS sets it
        // whenever a current log has a valid embedded SCT, also when path A decides
        Optional<Instant> t = validEmbeddedCurrent ? earliestSeconds(current, outcomes) : Optional.empty();
        if (validExternal && current.size() >= 2) {
            for (int k = 0; k < current.size(); k++) {
                int i = current.index(k);
                marked.set(i, marked.get(i).withCounted(true));
            }
            // the lifetime plays no part in path A
            return new CtEvaluation(
                    release,
                    true,
                    true,
                    CtQualificationPath.EXTERNAL,
                    t,
                    CtEvaluation.CountBasis.LOGS,
                    2,
                    current.size(),
                    Optional.empty(),
                    marked,
                    notes);
        }
        if (!validEmbeddedCurrent) {
            return new CtEvaluation(
                    release,
                    true,
                    false,
                    CtQualificationPath.NONE,
                    Optional.empty(),
                    CtEvaluation.CountBasis.LOGS,
                    rule.required(),
                    0,
                    Optional.of(rule),
                    marked,
                    notes);
        }
        Instant issuance = t.orElseThrow();
        int count = 0;
        for (int k = 0; k < embedded.size(); k++) {
            int i = embedded.index(k);
            SctOutcome o = outcomes.get(i);
            CtLog log = o.log().orElseThrow();
            Optional<Instant> retired = log.retiredAt();
            boolean counts =
                    retired.isEmpty() || (seconds(o).isBefore(retired.get()) && issuance.isBefore(retired.get()));
            if (counts) {
                count++;
                marked.set(i, o.withCounted(true));
            }
        }
        return new CtEvaluation(
                release,
                true,
                count >= rule.required(),
                CtQualificationPath.EMBEDDED,
                t,
                CtEvaluation.CountBasis.LOGS,
                rule.required(),
                count,
                Optional.of(rule),
                marked,
                notes);
    }

    /**
     * iOS 9 (§13.3): informational only. Qualified iff (distinct operators of valid embedded SCTs reach
     * the month table, or distinct operators of valid TLS/OCSP SCTs are at least 2) and at least one
     * valid SCT comes from a log not retired at the verify time.
     */
    private static CtEvaluation decideByOperators(
            IosRelease release,
            Instant verifyTime,
            CtLifetimeRule rule,
            List<SctOutcome> outcomes,
            List<String> notes) {
        Map<String, Integer> external = new LinkedHashMap<>();
        Map<String, Integer> embedded = new LinkedHashMap<>();
        boolean oneValidAtVerifyTime = false;
        for (int i = 0; i < outcomes.size(); i++) {
            SctOutcome o = outcomes.get(i);
            if (o.verdict().isValid()) {
                CtLog log = o.log().orElseThrow();
                (o.origin() == SctOrigin.EMBEDDED ? embedded : external).putIfAbsent(log.operator(), i);
                oneValidAtVerifyTime |=
                        log.retiredAt().map(r -> !verifyTime.isAfter(r)).orElse(true);
            }
        }
        List<SctOutcome> marked = new ArrayList<>(outcomes);
        boolean byEmbedded = embedded.size() >= rule.required();
        boolean byExternal = external.size() >= 2;
        CtQualificationPath path = byExternal && !byEmbedded
                ? CtQualificationPath.EXTERNAL
                : !embedded.isEmpty()
                        ? CtQualificationPath.EMBEDDED
                        : !external.isEmpty() ? CtQualificationPath.EXTERNAL : CtQualificationPath.NONE;
        Map<String, Integer> counted = path == CtQualificationPath.EXTERNAL ? external : embedded;
        counted.values().forEach(i -> marked.set(i, marked.get(i).withCounted(true)));
        boolean qualified = (byEmbedded || byExternal) && oneValidAtVerifyTime;
        int required = path == CtQualificationPath.EXTERNAL ? 2 : rule.required();
        return new CtEvaluation(
                release,
                true,
                qualified,
                path,
                Optional.empty(),
                CtEvaluation.CountBasis.OPERATORS,
                required,
                counted.size(),
                path == CtQualificationPath.EXTERNAL ? Optional.empty() : Optional.of(rule),
                marked,
                notes);
    }

    /**
     * Per log, the index of its earliest valid SCT, logs in the order first seen (as a {@code LinkedHashMap} from
     * log id to index, without its objects: every CT evaluation makes two). At most one entry per distinct log.
     */
    private static final class EarliestPerLog {
        private final int[] indexes;
        private int size;

        EarliestPerLog(int capacity) {
            indexes = new int[capacity];
        }

        /** Keeps SCT {@code index} (valid, from log {@code id}) if it is the log's first or earlier than the kept. */
        void keep(LogId id, int index, List<SctOutcome> outcomes) {
            for (int k = 0; k < size; k++) {
                SctOutcome prior = outcomes.get(indexes[k]);
                if (prior.log().orElseThrow().logId().equals(id)) {
                    if (outcomes.get(index)
                            .timestamp()
                            .orElseThrow()
                            .isBefore(prior.timestamp().orElseThrow())) {
                        indexes[k] = index;
                    }
                    return;
                }
            }
            indexes[size++] = index;
        }

        int size() {
            return size;
        }

        int index(int k) {
            return indexes[k];
        }
    }

    /** The earliest timestamp (whole seconds) of the kept SCTs; present as {@code kept} is not empty. */
    private static Optional<Instant> earliestSeconds(EarliestPerLog kept, List<SctOutcome> outcomes) {
        Instant min = null;
        for (int k = 0; k < kept.size(); k++) {
            Instant s = seconds(outcomes.get(kept.index(k)));
            if (min == null || s.isBefore(min)) {
                min = s;
            }
        }
        return Optional.ofNullable(min);
    }

    private static Instant seconds(SctOutcome o) {
        Instant t = o.timestamp().orElseThrow();
        return Instant.ofEpochSecond(t.getEpochSecond());
    }

    // ---- §8.2 per-SCT validation ----

    /** Collects the SCTs of all three sources and judges each one. */
    private static final class Judge {
        private final CtRequest request;
        private final CtLogList logs;
        /** Bouncy Castle's structure of the leaf, asked only to match stapled OCSP responses. */
        private final java.util.function.Supplier<Certificate> leaf;

        private final Parsed<List<byte[]>> embedded;
        private final List<Parsed<SignedCertificateTimestamp>> embeddedScts;
        private final AtomicReference<PrecertEntry> lastPrecert;
        /** The parsed leaf's precert TBS as its facts were read, if they were. */
        private final Parsed<byte[]> leafPrecertTbs;

        private final Instant leafNotBefore;
        private final Instant leafNotAfter;
        private final boolean ios9;
        private final List<String> notes;
        private final long verifyMillis;
        private final CachingSctVerifier verifier;
        private PrecertEntry precertEntry;
        private SignedEntries.Entry x509Entry;
        private byte[] x509Digest;

        Judge(
                CtRequest request,
                CtLogList logs,
                LeafFacts leaf,
                boolean ios9,
                List<String> notes,
                CachingSctVerifier verifier) {
            this.verifier = verifier;
            this.request = request;
            this.logs = logs;
            this.leaf = leaf.bc();
            this.embedded = leaf.embedded();
            this.embeddedScts = leaf.embeddedScts();
            this.lastPrecert = leaf.lastPrecert();
            this.leafPrecertTbs = leaf.precertTbs();
            this.leafNotBefore = leaf.notBefore();
            this.leafNotAfter = leaf.notAfter();
            this.ios9 = ios9;
            this.notes = notes;
            this.verifyMillis = epochMillis(request.verifyTime());
        }

        /**
         * The verify time as iOS compares it with SCT timestamps: truncated to whole seconds, then in
         * milliseconds (Apple converts its absolute time to an integer second count before multiplying
         * by 1000), so an SCT later within the verify second is already "in the future". Saturated for
         * instants beyond the long range.
         */
        private static long epochMillis(Instant t) {
            try {
                return Math.multiplyExact(t.getEpochSecond(), 1000L);
            } catch (ArithmeticException e) {
                return t.isBefore(Instant.EPOCH) ? -1 : Long.MAX_VALUE;
            }
        }

        List<SctOutcome> judgeAll() {
            List<SctOutcome> out = new ArrayList<>();
            if (embedded.isOk()) {
                // parsed once per leaf
                List<byte[]> raw = embedded.value().get();
                for (int i = 0; i < raw.size(); i++) {
                    out.add(judge(SctOrigin.EMBEDDED, i, raw.get(i), embeddedScts.get(i)));
                }
            } else {
                judgeList(SctOrigin.EMBEDDED, List.of(embedded), out);
            }

            List<Parsed<List<byte[]>>> tls = new ArrayList<>();
            request.tlsScts().forEach(b -> tls.add(Parsed.ok(List.of(b))));
            request.tlsSctLists().forEach(b -> tls.add(SctLists.splitTlsList(b)));
            judgeList(SctOrigin.TLS_EXTENSION, tls, out);

            List<Parsed<List<byte[]>>> ocsp = new ArrayList<>();
            request.ocspSctLists().forEach(b -> ocsp.add(SctLists.splitTlsList(b)));
            request.ocspSctExtensionValues().forEach(b -> ocsp.add(SctLists.fromExtensionValue(b)));
            if (!request.stapledOcspResponses().isEmpty()) {
                Optional<SubjectPublicKeyInfo> issuer = issuerKey();
                if (issuer.isEmpty()) {
                    notes.add("stapled OCSP responses are not matched without the issuer (one-certificate chain)");
                } else {
                    request.stapledOcspResponses()
                            .forEach(der -> ocsp.add(SctLists.fromStapledOcspResponse(der, leaf.get(), issuer.get())));
                }
            }
            judgeList(SctOrigin.OCSP_RESPONSE, ocsp, out);
            return out;
        }

        private Optional<SubjectPublicKeyInfo> issuerKey() {
            try {
                return request.issuerSpkiDer()
                        .map(d -> SubjectPublicKeyInfo.getInstance(toAsn1(d)))
                        .filter(k -> k != null);
            } catch (RuntimeException e) {
                notes.add("issuer SubjectPublicKeyInfo cannot be decoded: " + ExceptionText.why(e));
                return Optional.empty();
            }
        }

        private static ASN1Primitive toAsn1(byte[] der) {
            try {
                ASN1Primitive p = ASN1Primitive.fromByteArray(der);
                if (p == null) {
                    throw new IllegalArgumentException("empty");
                }
                return p;
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private void judgeList(SctOrigin origin, List<Parsed<List<byte[]>>> lists, List<SctOutcome> out) {
            int index = 0;
            for (Parsed<List<byte[]>> list : lists) {
                if (!list.isOk()) {
                    out.add(SctOutcome.malformed(
                            origin, index++, "SCT list: " + list.error().get()));
                    continue;
                }
                for (byte[] raw : list.value().get()) {
                    out.add(judge(origin, index++, raw, SignedCertificateTimestamp.parse(raw)));
                }
            }
        }

        private SctOutcome judge(SctOrigin origin, int index, byte[] raw, Parsed<SignedCertificateTimestamp> parsed) {
            if (!parsed.isOk()) {
                return SctOutcome.malformed(origin, index, parsed.error().get());
            }
            SignedCertificateTimestamp sct = parsed.value().get();
            Optional<CtLog> known = logs.find(sct.logId());

            SignedEntries.Entry entry;
            if (origin == SctOrigin.EMBEDDED) {
                Parsed<SignedEntries.Entry> pe = precert().entry;
                if (!pe.isOk()) {
                    return SctOutcome.judged(
                            origin,
                            index,
                            sct,
                            known,
                            SctVerdict.ENTRY_UNAVAILABLE,
                            pe.error().get());
                }
                entry = pe.value().get();
            } else {
                entry = x509();
            }
            // item 2: not in the future (verify time, ms; the SCT's uint64 compared unsigned)
            if (verifyMillis < 0 || Long.compareUnsigned(sct.timestampMillis(), verifyMillis) > 0) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.FUTURE_TIMESTAMP,
                        "timestamp " + sct.timestamp() + " is after the verify time " + request.verifyTime());
            }
            // item 3: trusted-log set
            Optional<CtLog> trusted = trustedAmong(known); // logs.trusted(sct.logId()) without a second lookup
            if (trusted.isEmpty()) {
                return known.map(l -> SctOutcome.judged(
                                origin,
                                index,
                                sct,
                                known,
                                SctVerdict.LOG_REJECTED,
                                "log '" + l.description() + "' is "
                                        + l.state().name().toLowerCase(java.util.Locale.ROOT)
                                        + " and not trusted by iOS"))
                        .orElseGet(() -> SctOutcome.judged(
                                origin,
                                index,
                                sct,
                                known,
                                SctVerdict.UNKNOWN_LOG,
                                "log " + sct.logId() + " is not in the log list"));
            }
            CtLog log = trusted.get();
            if (ios9) {
                return judgeIos9(origin, index, sct, raw, log, entry, known);
            }
            // item 4: external SCTs never come from retired logs
            if (origin.isExternal() && log.state() == CtLogState.RETIRED) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.RETIRED_LOG_EXTERNAL,
                        "log retired at " + log.stateTimestamp().get()
                                + "; only embedded SCTs may come from retired logs");
            }
            // item 5: read-only logs accept nothing after they froze (whole seconds)
            if (log.frozenAt().isPresent()
                    && sct.timestampSeconds().isAfter(log.frozenAt().get())) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.AFTER_READ_ONLY,
                        "log read-only since " + log.frozenAt().get());
            }
            // item 6: temporal shard on the leaf's notAfter
            if (!log.acceptsNotAfter(leafNotAfter)) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.OUTSIDE_SHARD,
                        "leaf notAfter " + leafNotAfter + " is outside the log's shard ["
                                + log.shardStartInclusive().get() + ", "
                                + log.shardEndExclusive().get() + ")");
            }
            // item 7: signature
            if (!verifySignature(origin, sct, raw, entry, log)) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.INVALID_SIGNATURE,
                        sct.algorithmName() + " signature does not verify with the log key as "
                                + (origin == SctOrigin.EMBEDDED ? "a precert entry" : "an x509 entry"));
            }
            return SctOutcome.judged(origin, index, sct, known, SctVerdict.VALID, "");
        }

        /**
         * iOS 9 (Security-57336): a log with a retirement date still validates embedded SCTs of leaves
         * issued (notBefore) by that date and external SCTs verified by that date; no read-only or shard
         * rules existed yet.
         */
        private SctOutcome judgeIos9(
                SctOrigin origin,
                int index,
                SignedCertificateTimestamp sct,
                byte[] raw,
                CtLog log,
                SignedEntries.Entry entry,
                Optional<CtLog> known) {
            Optional<Instant> retired = log.retiredAt();
            if (retired.isPresent()) {
                Instant judged = origin == SctOrigin.EMBEDDED ? leafNotBefore : request.verifyTime();
                if (judged.isAfter(retired.get())) {
                    return SctOutcome.judged(
                            origin,
                            index,
                            sct,
                            known,
                            SctVerdict.RETIRED_BEFORE_USE,
                            "log retired at " + retired.get() + ", before the leaf's "
                                    + (origin == SctOrigin.EMBEDDED ? "notBefore " : "verify time ") + judged);
                }
            }
            if (!verifySignature(origin, sct, raw, entry, log)) {
                return SctOutcome.judged(
                        origin,
                        index,
                        sct,
                        known,
                        SctVerdict.INVALID_SIGNATURE,
                        sct.algorithmName() + " signature does not verify with the log key");
            }
            return SctOutcome.judged(origin, index, sct, known, SctVerdict.VALID, "");
        }

        /** §8.2 item 7 through the verdict cache; the entry's digest is worked out once per evaluation. */
        private boolean verifySignature(
                SctOrigin origin, SignedCertificateTimestamp sct, byte[] raw, SignedEntries.Entry entry, CtLog log) {
            byte[] digest;
            if (origin == SctOrigin.EMBEDDED) {
                digest = precert().digest();
            } else {
                if (x509Digest == null) {
                    x509Digest = entry.sha256();
                }
                digest = x509Digest;
            }
            return verifier.verify(sct, raw, entry, digest, log);
        }

        private PrecertEntry precert() {
            if (precertEntry == null) {
                Optional<byte[]> issuer = request.issuerSpkiView();
                PrecertEntry last = lastPrecert == null ? null : lastPrecert.get();
                if (issuer.isEmpty()) {
                    precertEntry = new PrecertEntry(
                            null,
                            Parsed.malformed("no issuer: embedded SCTs cannot be verified for a one-certificate chain"),
                            null);
                } else if (last != null && Arrays.equals(last.issuerSpki, issuer.get())) {
                    precertEntry = last; // built for this leaf and this issuer key by an earlier evaluation
                } else {
                    io.github.sectrust4j.cert.Certificate parsed =
                            request.parsedLeaf().orElse(null);
                    // a synthetic certificate's DER is not the one its SHA-256 names: its entry is named by itself
                    boolean named = parsed != null && !parsed.isSynthetic();
                    precertEntry = new PrecertEntry(
                            issuer.get(),
                            SignedEntries.precertEntry(
                                    parsed == null
                                            ? SignedEntries.precertTbs(request.leafView())
                                            : leafPrecertTbs != null ? leafPrecertTbs : PRECERT_TBS.of(parsed),
                                    issuer.get()),
                            named ? parsed.sha256() : null);
                    if (lastPrecert != null) {
                        lastPrecert.set(precertEntry);
                    }
                }
            }
            return precertEntry;
        }

        private SignedEntries.Entry x509() {
            if (x509Entry == null) {
                x509Entry = SignedEntries.x509Entry(request.leafView());
            }
            return x509Entry;
        }
    }
}
