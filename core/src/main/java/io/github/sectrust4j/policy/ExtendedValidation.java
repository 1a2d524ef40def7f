package io.github.sectrust4j.policy;

import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.KeyUsage;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extended Validation (§10) without its CT and revocation conditions: the leaf "EV-capable" test and
 * the path EV test. EV never causes a failure: a path that does not qualify is simply not EV (its
 * reasons are kept for the report only). Pure functions of the path and the request.
 *
 * <p>EV roots are the selected Apple store's ({@link AppleTrustStore#evPolicies}, policy OID → root) plus
 * the request's {@link EvaluationRequest#extraEvRoots()} — the seam that lets a test PKI root (which is
 * never an Apple EV root) anchor EV paths.
 */
public final class ExtendedValidation {
    private static final Instant Y2014 = Instant.parse("2014-01-01T00:00:00Z");
    private static final Instant Y2016 = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant JULY_2016 = Instant.parse("2016-07-01T00:00:00Z");
    private static final Instant Y2011 = Instant.parse("2011-01-01T00:00:00Z");
    /** Apple's "October 2006" constant is 2006-09-01 (§10). */
    private static final Instant SEPT_2006 = Instant.parse("2006-09-01T00:00:00Z");
    /** EV policy OIDs per store version (a store is immutable; the number of stores is bounded). */
    private static final Map<Integer, Set<String>> EV_OIDS = new ConcurrentHashMap<>();

    private ExtendedValidation() {}

    /**
     * The outcome of the path EV test (CT and revocation conditions not included).
     *
     * @param ev       the path passes every §10 path condition
     * @param policies the EV policy OIDs that remain valid down to the root (empty unless {@code ev})
     * @param reason   why not, or "EV" — never reported as a failure
     */
    public record PathEv(boolean ev, List<String> policies, String reason) {
        public PathEv {
            policies = List.copyOf(policies);
        }

        static PathEv no(String reason) {
            return new PathEv(false, List.of(), reason);
        }
    }

    /** Every EV policy OID of the request's store and extra EV roots (§10 "an OID is an EV policy OID iff …"). */
    public static Set<String> evPolicyOids(EvaluationRequest request) {
        Set<String> out = new LinkedHashSet<>();
        request.systemStore().ifPresent(s -> out.addAll(EV_OIDS.computeIfAbsent(s.version(), v -> collect(s))));
        request.extraEvRoots().values().forEach(out::addAll);
        return out;
    }

    /**
     * {@link #evPolicyOids} for membership tests only: the store's cached immutable set itself when the
     * request adds no EV roots (the common case; no copy per evaluation), else the same union.
     */
    private static Set<String> evPolicyOidsForLookup(EvaluationRequest request) {
        if (request.extraEvRoots().isEmpty()) {
            Optional<AppleTrustStore> store = request.systemStore();
            if (store.isEmpty()) {
                return Set.of();
            }
            Set<String> known = EV_OIDS.get(store.get().version()); // no lambdas once the store's set is known
            return known != null ? known : EV_OIDS.computeIfAbsent(store.get().version(), v -> collect(store.get()));
        }
        return evPolicyOids(request);
    }

    private static Set<String> collect(AppleTrustStore store) {
        Set<String> oids = new LinkedHashSet<>();
        for (AnchorRecord a : store.anchors()) {
            oids.addAll(store.evPolicies(a.sha256()));
        }
        return ImmutableSet.copyOf(oids);
    }

    /** The EV policy OIDs this root may anchor: the store's EV map plus the request's extra EV roots. */
    public static List<String> rootPolicies(Certificate root, EvaluationRequest request) {
        List<String> out = new ArrayList<>();
        request.systemStore().ifPresent(s -> out.addAll(s.evPolicies(root.sha256())));
        out.addAll(request.extraEvRoots().getOrDefault(root.sha256HexUpperCase(), List.of()));
        return out;
    }

    /** §10 leaf "EV-capable" test: decided on the leaf alone; EV leaves trigger OCSP and the upgrade search. */
    public static boolean leafCapable(Certificate leaf, EvaluationRequest request) {
        Set<String> evOids = evPolicyOidsForLookup(request);
        // most leaves assert no EV policy: answered without the reason's Optional (asked twice per evaluation)
        return anyIn(leaf.certificatePolicies().orElse(List.of()), evOids)
                && leafReason(leaf, evOids).isEmpty();
    }

    private static boolean anyIn(List<String> policies, Set<String> evOids) {
        for (int i = 0, n = policies.size(); i < n; i++) { // indexed: no iterator per call
            if (evOids.contains(policies.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> leafReason(Certificate leaf, Set<String> evOids) {
        List<String> policies = leaf.certificatePolicies().orElse(List.of());
        if (!anyIn(policies, evOids)) {
            return Optional.of("the leaf asserts no EV policy OID of the trust store");
        }
        if (leaf.basicConstraints().map(b -> b.ca()).orElse(false)) {
            return Optional.of("the leaf is a CA certificate");
        }
        if (leaf.keyUsage()
                .map(k -> k.has(KeyUsage.KEY_CERT_SIGN) || k.has(KeyUsage.CRL_SIGN))
                .orElse(false)) {
            return Optional.of("the leaf's keyUsage has keyCertSign or cRLSign");
        }
        int rsaMin = leaf.notBefore().isBefore(Y2014) ? 1024 : 2048;
        if (!leaf.publicKey().rsaOrEcAtLeast(rsaMin, 256)) {
            return Optional.of("the leaf key " + leaf.publicKey() + " is below EC 256 / RSA " + rsaMin);
        }
        if (leaf.notBefore().isAfter(Y2016) && leaf.signatureHash().isWeakForScoring()) {
            return Optional.of("the leaf (issued after 2016-01-01) is signed with " + leaf.signatureHash());
        }
        return Optional.empty();
    }

    /** §10 path EV test (run once per path for EV-capable leaves; failures are discarded, never reported). */
    public static PathEv evaluatePath(CandidatePath path, EvaluationRequest request) {
        Certificate leaf = path.leaf();
        Optional<String> leafWhy = leafReason(leaf, evPolicyOidsForLookup(request));
        if (leafWhy.isPresent()) {
            return PathEv.no(leafWhy.get());
        }
        if (!path.anchored()) {
            return PathEv.no("the path is not anchored");
        }
        if (leaf.notBefore().isAfter(JULY_2016) && path.size() < 3) {
            return PathEv.no("a leaf issued after 2016-07-01 needs an intermediate CA (path of " + path.size() + ")");
        }
        if (leaf.hasAnyPolicy()) {
            return PathEv.no("the leaf asserts anyPolicy");
        }
        Set<String> valid = new LinkedHashSet<>(leaf.certificatePolicies().orElse(List.of()));
        for (int i = 1; i < path.topIndex(); i++) {
            Certificate ca = path.get(i);
            String at = "intermediate " + i + " '" + PathFacts.displayName(ca) + "'";
            if (ca.certificatePolicies().isEmpty()) {
                return PathEv.no(at + " has no certificatePolicies");
            }
            if (!ca.hasCrlDistributionPoints()) {
                return PathEv.no(at + " has no cRLDistributionPoints");
            }
            if (!ca.basicConstraints().map(b -> b.ca()).orElse(false)) {
                return PathEv.no(at + " is not cA=true");
            }
            if (!ca.keyUsage()
                    .map(k -> k.has(KeyUsage.KEY_CERT_SIGN) && k.has(KeyUsage.CRL_SIGN))
                    .orElse(false)) {
                return PathEv.no(at + " lacks keyUsage keyCertSign and cRLSign");
            }
            int rsaMin = ca.notBefore().isBefore(Y2011) || ca.notAfter().isBefore(Y2014) ? 1024 : 2048;
            if (!ca.publicKey().rsaOrEcAtLeast(rsaMin, 256)) {
                return PathEv.no(at + " has a " + ca.publicKey() + " key");
            }
            if (ca.notBefore().isAfter(Y2016) && ca.signatureHash().isWeakForScoring()) {
                return PathEv.no(at + " is signed with " + ca.signatureHash());
            }
            if (!ca.hasAnyPolicy()) {
                valid.retainAll(ca.certificatePolicies().get());
            }
            if (valid.isEmpty()) {
                return PathEv.no("no leaf policy OID remains after " + at);
            }
        }
        Certificate root = path.top();
        List<String> rootPolicies = rootPolicies(root, request);
        valid.retainAll(rootPolicies);
        if (valid.isEmpty()) {
            return PathEv.no(
                    "the root '" + PathFacts.displayName(root) + "' is not an EV root for the leaf's policies");
        }
        if (!root.notBefore().isBefore(SEPT_2006)) {
            boolean v3Ca = root.version() == 3
                    && root.basicConstraints().map(b -> b.ca()).orElse(false);
            boolean ku = root.keyUsage()
                    .map(k -> k.has(KeyUsage.KEY_CERT_SIGN) && k.has(KeyUsage.CRL_SIGN))
                    .orElse(false);
            if (!v3Ca || !ku) {
                return PathEv.no("the EV root is not a v3 CA with keyCertSign and cRLSign");
            }
        }
        if (!root.publicKey().rsaOrEcAtLeast(2048, 256)) {
            return PathEv.no("the EV root key " + root.publicKey() + " is too small");
        }
        return new PathEv(true, List.copyOf(valid), "EV");
    }
}
