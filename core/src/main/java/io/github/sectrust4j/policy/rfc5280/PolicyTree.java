package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.PolicyConstraints;
import io.github.sectrust4j.cert.PolicyMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate-policy part of RFC 5280 §6.1 as iOS runs it (spec §2.3 item 4):
 * user-initial-policy-set = {anyPolicy}, initial-explicit-policy, initial-policy-mapping-inhibit and
 * initial-any-policy-inhibit all false; policyMappings (at most {@value #MAX_MAPPINGS_PER_CERTIFICATE}
 * per certificate), requireExplicitPolicy, inhibitPolicyMapping and inhibitAnyPolicy honoured.
 *
 * <p>This is the real valid_policy_tree of §6.1.3 (d)–(f), §6.1.4 (a), (b), (h)–(j) and §6.1.5 (a),
 * (b), (g). A tree can grow exponentially with the path length (the "policy tree explosion" of
 * x509-limbo's pathological cases, CVE-2023-0464): creation stops at {@value #MAX_NODES} nodes and
 * the path fails closed with {@code PolicyConstraints} [inferred: iOS has no documented cap; a
 * simulator must not hang or exhaust memory, and a false "trusted" is the worse error].
 *
 * <p>Not thread-confined state escapes: one instance lives inside one {@link #evaluate} call.
 */
final class PolicyTree {
    static final String ANY_POLICY = "2.5.29.32.0";

    private static final Set<String> ROOT_EXPECTED = Set.of(ANY_POLICY);
    /** Nodes created (over the whole path) before processing stops and fails closed. */
    static final int MAX_NODES = 10_000;
    /** iOS processes at most this many policy mappings per certificate (§2.3 item 4). */
    static final int MAX_MAPPINGS_PER_CERTIFICATE = 1024;

    /**
     * The verdict: valid iff explicit_policy &gt; 0 or the tree is not NULL at the end (§6.1.5).
     *
     * @param valid    the path satisfies the policy constraints
     * @param reason   why not, in words (empty when valid); also the evidence's {@code reason}
     * @param evidence why not (empty when valid)
     */
    record Outcome(boolean valid, String reason, Map<String, Object> evidence) {
        static final Outcome VALID = new Outcome(true, "", Map.of());

        Outcome {
            // the common (valid) outcome has no evidence: share the empty map instead of copying it
            evidence = evidence.isEmpty()
                    ? java.util.Collections.emptyMap()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        }

        /** The failure's evidence: the last reason the processing recorded, with every fact it found. */
        PolicyTreeInvalid failure() {
            return new PolicyTreeInvalid(reason, evidence);
        }
    }

    private static final class Node {
        final String validPolicy;
        Set<String> expected;
        final Node parent;
        /** The child while there is exactly one and no map: a real path's nodes have none or one. */
        private Node onlyChild;
        /** Two or more children by policy, in insertion order; made on the second child. */
        private Map<String, Node> children;

        Node(String validPolicy, Set<String> expected, Node parent) {
            this.validPolicy = validPolicy;
            this.expected = expected;
            this.parent = parent;
        }

        boolean hasChild(String policy) {
            return children != null
                    ? children.containsKey(policy)
                    : onlyChild != null && onlyChild.validPolicy.equals(policy);
        }

        boolean childless() {
            return children != null ? children.isEmpty() : onlyChild == null;
        }

        /** Adds {@code child}, whose policy no child of this node has. */
        void addChild(Node child) {
            if (children != null) {
                children.put(child.validPolicy, child);
            } else if (onlyChild == null) {
                onlyChild = child;
            } else {
                children = new LinkedHashMap<>();
                children.put(onlyChild.validPolicy, onlyChild);
                children.put(child.validPolicy, child);
                onlyChild = null;
            }
        }

        void removeChild(String policy) {
            if (children != null) {
                children.remove(policy);
            } else if (onlyChild != null && onlyChild.validPolicy.equals(policy)) {
                onlyChild = null;
            }
        }
    }

    /** Thrown (without a stack trace) when the node cap is reached. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("policy tree too large", null, false, false);
        }
    }

    private final List<Certificate> certs; // processing order: nearest the anchor first, leaf last
    private final int[] chainIndex; // chain index of certs.get(k)
    private final List<List<Node>> levels;
    private boolean treeNull;
    private int nodes;
    private int explicitPolicy;
    private int policyMapping;
    private int inhibitAnyPolicy;
    private int explicitZeroedAt = -1;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    /** Why the path fails, should it: the last reason the processing found. */
    private String reason = "an explicit certificate policy is required but no policy is valid along the whole path";

    private PolicyTree(List<Certificate> certs, int[] chainIndex) {
        this.certs = certs;
        this.chainIndex = chainIndex;
        int n = certs.size();
        levels = new ArrayList<>(n + 1); // the root's level and one per certificate
        explicitPolicy = n + 1;
        policyMapping = n + 1;
        inhibitAnyPolicy = n + 1;
        Node root = new Node(ANY_POLICY, ROOT_EXPECTED, null);
        nodes = 1;
        List<Node> rootLevel = new ArrayList<>(2);
        rootLevel.add(root);
        levels.add(rootLevel);
    }

    /**
     * Runs the policy processing over the processed certificates.
     *
     * @param chain     the path, leaf first
     * @param processed how many certificates are processed ({@code chain.size()}, or one less when the
     *                  trusted anchor is excluded, §2.3 item 2); certificates {@code processed-1 … 0}
     */
    static Outcome evaluate(List<Certificate> chain, int processed) {
        if (processed == 0) {
            return Outcome.VALID; // only a trusted anchor: nothing to process
        }
        List<Certificate> order = new ArrayList<>(processed);
        int[] idx = new int[processed];
        for (int k = 0; k < processed; k++) {
            idx[k] = processed - 1 - k;
            order.add(chain.get(idx[k]));
        }
        PolicyTree tree = new PolicyTree(order, idx);
        try {
            return tree.run();
        } catch (TooLarge e) {
            String reason =
                    "the certificate-policy tree exceeded " + MAX_NODES + " nodes; processing stopped and fails closed";
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("reason", reason);
            ev.put("policyTreeNodeLimit", MAX_NODES);
            return new Outcome(false, reason, ev);
        }
    }

    private Outcome run() {
        int n = certs.size();
        for (int k = 0; k < n; k++) {
            int depth = k + 1; // RFC "i"
            Certificate cert = certs.get(k);
            boolean selfIssued = cert.isSelfIssued();
            Optional<List<String>> policies = cert.certificatePolicies().filter(p -> !p.isEmpty());
            if (!treeNull && policies.isPresent()) {
                addLevel(depth, distinct(policies.get()), depth < n && selfIssued, k);
            } else if (!treeNull) {
                // (e) no certificatePolicies: the tree becomes NULL
                becomeNull(k, "the certificate has no certificatePolicies extension", List.of());
            }
            if (explicitPolicy == 0 && treeNull) { // (f)
                return failure();
            }
            if (depth == n) {
                break;
            }
            if (!prepareNext(cert, depth, k)) {
                return failure();
            }
            if (!selfIssued) { // (h)
                if (explicitPolicy > 0 && --explicitPolicy == 0) {
                    explicitZeroedAt = chainIndex[k];
                }
                if (policyMapping > 0) {
                    policyMapping--;
                }
                if (inhibitAnyPolicy > 0) {
                    inhibitAnyPolicy--;
                }
            }
            Optional<PolicyConstraints> constraints = cert.policyConstraints();
            if (constraints.isPresent()) { // (i)
                applyConstraints(constraints.get(), chainIndex[k]);
            }
            Optional<Integer> inhibit = cert.inhibitAnyPolicy();
            if (inhibit.isPresent() && inhibit.get() < inhibitAnyPolicy) { // (j)
                inhibitAnyPolicy = inhibit.get();
            }
        }
        // 6.1.5 (a), (b)
        if (explicitPolicy > 0 && --explicitPolicy == 0) {
            explicitZeroedAt = chainIndex[n - 1];
        }
        Certificate leaf = certs.get(n - 1);
        Integer leafRequire = leaf.policyConstraints()
                .map(PolicyConstraints::requireExplicitPolicy)
                .orElse(null);
        if (leafRequire != null && leafRequire == 0) {
            explicitPolicy = 0;
            explicitZeroedAt = chainIndex[n - 1];
        }
        // (g): with user-initial-policy-set = {anyPolicy} the intersection is the tree itself
        if (explicitPolicy > 0 || !treeNull) {
            return Outcome.VALID;
        }
        return failure();
    }

    private Outcome failure() {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("reason", reason); // first, whenever the processing found it
        if (explicitZeroedAt >= 0) {
            ev.put("explicitPolicyRequiredAt", explicitZeroedAt);
        }
        ev.putAll(evidence);
        return new Outcome(false, reason, ev);
    }

    private void applyConstraints(PolicyConstraints pc, int index) {
        Integer r = pc.requireExplicitPolicy();
        if (r != null && r < explicitPolicy) {
            explicitPolicy = r;
            if (r == 0) {
                explicitZeroedAt = index;
            }
        }
        Integer m = pc.inhibitPolicyMapping();
        if (m != null && m < policyMapping) {
            policyMapping = m;
        }
    }

    /**
     * The certificate's policies without repeats, in their order: the list itself when it has none (a real
     * certificate lists one or two policies; a set per certificate and path was most of this class's garbage).
     */
    private static List<String> distinct(List<String> policies) {
        int n = policies.size();
        if (n > 16) {
            return List.copyOf(new LinkedHashSet<>(policies));
        }
        for (int i = 1; i < n; i++) {
            if (policies.subList(0, i).contains(policies.get(i))) {
                return List.copyOf(new LinkedHashSet<>(policies));
            }
        }
        return policies;
    }

    /** §6.1.3 (d): grow the tree to depth {@code depth} from the certificate's policies (no repeats). */
    private void addLevel(int depth, List<String> policies, boolean selfIssuedIntermediate, int k) {
        List<Node> prev = levels.get(depth - 1);
        List<Node> cur = new ArrayList<>(Math.max(2, prev.size())); // a real path's levels hold one or two
        levels.add(cur);
        // indexed loops: no iterators per policy and node (every candidate path of every evaluation runs this)
        for (int i = 0, n = policies.size(); i < n; i++) {
            String p = policies.get(i);
            if (p.equals(ANY_POLICY)) {
                continue;
            }
            boolean matched = false;
            for (int j = 0, m = prev.size(); j < m; j++) {
                Node node = prev.get(j);
                if (node.expected.contains(p)) {
                    addChild(node, p, Set.of(p), cur);
                    matched = true;
                }
            }
            if (!matched) {
                for (int j = 0, m = prev.size(); j < m; j++) {
                    Node node = prev.get(j);
                    if (node.validPolicy.equals(ANY_POLICY)) {
                        addChild(node, p, Set.of(p), cur);
                    }
                }
            }
        }
        if (policies.contains(ANY_POLICY) && (inhibitAnyPolicy > 0 || selfIssuedIntermediate)) {
            for (Node node : prev) {
                for (String e : node.expected) {
                    if (!node.hasChild(e)) {
                        addChild(node, e, Set.of(e), cur);
                    }
                }
            }
        }
        // the tree becomes NULL exactly when this level stays empty: only then are the policies above reported
        Set<String> before = cur.isEmpty() ? validPolicies(prev) : Set.of();
        prune(depth - 1);
        if (treeNull) {
            String why = policies.contains(ANY_POLICY) && inhibitAnyPolicy == 0
                    ? "anyPolicy is inhibited (inhibitAnyPolicy) and no listed policy is valid along the path"
                    : "none of the certificate's policies is valid along the path";
            becomeNull(k, why, List.copyOf(policies));
            evidence.put("validPoliciesAbove", List.copyOf(before));
        }
    }

    private static Set<String> validPolicies(List<Node> level) {
        Set<String> out = new LinkedHashSet<>();
        for (Node node : level) {
            out.addAll(node.expected);
        }
        return out;
    }

    private void addChild(Node parent, String policy, Set<String> expected, List<Node> level) {
        if (parent.hasChild(policy)) {
            return; // a policy appears once per parent
        }
        if (++nodes > MAX_NODES) {
            throw new TooLarge();
        }
        Node child = new Node(policy, expected, parent);
        parent.addChild(child);
        level.add(child);
    }

    /** Removes childless nodes at {@code fromDepth} and above (§6.1.3 (d)(3)). */
    private void prune(int fromDepth) {
        for (int d = fromDepth; d >= 0; d--) {
            List<Node> level = levels.get(d);
            level.removeIf(node -> {
                if (!node.childless()) {
                    return false;
                }
                if (node.parent != null) {
                    node.parent.removeChild(node.validPolicy);
                }
                return true;
            });
        }
        if (levels.get(0).isEmpty()) {
            treeNull = true;
            levels.clear();
        }
    }

    private void becomeNull(int k, String reason, List<String> policies) {
        treeNull = true;
        levels.clear();
        evidence.put("policyTreeEmptiedAt", chainIndex[k]);
        evidence.put("policyTreeEmptiedBecause", reason);
        evidence.put("certificatePolicies", policies);
    }

    /** §6.1.4 (a), (b). Returns false when the mappings are invalid (anyPolicy mapped). */
    private boolean prepareNext(Certificate cert, int depth, int k) {
        Optional<List<PolicyMapping>> mappings = cert.policyMappings();
        if (mappings.isEmpty()) {
            return true;
        }
        Map<String, Set<String>> map = new LinkedHashMap<>();
        List<PolicyMapping> list = mappings.get();
        for (int m = 0; m < Math.min(list.size(), MAX_MAPPINGS_PER_CERTIFICATE); m++) {
            PolicyMapping pm = list.get(m);
            if (pm.issuerDomainPolicy().equals(ANY_POLICY)
                    || pm.subjectDomainPolicy().equals(ANY_POLICY)) {
                evidence.put("invalidPolicyMappingAt", chainIndex[k]);
                evidence.put("invalidPolicyMapping", pm.issuerDomainPolicy() + " -> " + pm.subjectDomainPolicy());
                reason = "policyMappings must not map to or from anyPolicy (RFC 5280 §6.1.4 (a))";
                return false;
            }
            map.computeIfAbsent(pm.issuerDomainPolicy(), x -> new LinkedHashSet<>())
                    .add(pm.subjectDomainPolicy());
        }
        if (treeNull) {
            return true;
        }
        List<Node> level = levels.get(depth);
        if (policyMapping > 0) {
            Map<String, List<Node>> byPolicy = new HashMap<>();
            Node any = null;
            for (Node node : level) {
                byPolicy.computeIfAbsent(node.validPolicy, x -> new ArrayList<>())
                        .add(node);
                if (node.validPolicy.equals(ANY_POLICY)) {
                    any = node;
                }
            }
            for (Map.Entry<String, Set<String>> e : map.entrySet()) {
                Set<String> mapped = Set.copyOf(e.getValue());
                List<Node> matching = byPolicy.get(e.getKey());
                if (matching != null) {
                    for (Node node : matching) {
                        node.expected = mapped;
                    }
                } else if (any != null) {
                    addChild(any.parent, e.getKey(), mapped, level);
                }
            }
        } else {
            level.removeIf(node -> {
                if (map.containsKey(node.validPolicy)) {
                    node.parent.removeChild(node.validPolicy);
                    return true;
                }
                return false;
            });
            prune(depth - 1);
            if (!levels.isEmpty() && levels.get(depth).isEmpty()) {
                treeNull = true;
                levels.clear();
            }
            if (treeNull) {
                becomeNull(
                        k,
                        "policy mapping is inhibited (inhibitPolicyMapping), so the mapped policies were deleted",
                        List.copyOf(map.keySet()));
            }
        }
        return true;
    }
}
