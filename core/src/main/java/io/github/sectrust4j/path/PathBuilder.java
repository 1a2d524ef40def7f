package io.github.sectrust4j.path;

import com.google.common.collect.ImmutableList;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's path-building state machine (§1.4) with Apple's scoring (§1.5), bounded by a
 * {@link PathBudget}.
 *
 * <p>State: every path ever created (the cap counts them), <em>partials</em> (extended depth-first:
 * a new partial is inserted right after the current one, and partials are walked from the end),
 * FIFO <em>candidates</em>, <em>rejected</em> paths, and the best path with its score. Parent sources
 * are unlocked one at a time once every partial has tried every unlocked source; when none is left
 * the builder switches to "consider rejected" (rejected paths are re-examined without parent checks,
 * terminal ones become candidates), then to "consider partials" (every remaining partial is scored
 * without validation), then stops. An accepted path ends the search unless an upgrade is possible
 * (a SHA-2 leaf on a path with a weak hash; an EV-capable leaf on a non-EV path).
 *
 * <p>One instance per evaluation; not thread-safe. Use {@link #build}.
 */
public final class PathBuilder {

    /** One path under construction (Apple's SecCertificatePathVC). */
    private static final class Node {
        final List<Certificate> certs;
        final List<CertificateOrigin> origins;
        Optional<AnchorInfo> anchor = Optional.empty();
        int nextSource;
        /** Links c[i]→c[i+1] verified for i < verifiedLinks. */
        int verifiedLinks;

        /** {@code certs} and {@code origins} are immutable (made by {@link #appended} or {@code List.of}). */
        Node(List<Certificate> certs, List<CertificateOrigin> origins) {
            this.certs = certs;
            this.origins = origins;
        }

        Certificate top() {
            return certs.get(certs.size() - 1);
        }

        int size() {
            return certs.size();
        }
    }

    private final EvaluationRequest request;
    private final PathValidator validator;
    private final boolean leafEvCapable;
    private final TrustSources sources;
    private final LinkSignatures signatures;
    private final PathBudget budget;
    private final List<CertificateSource> allSources;
    private final int anchorSourceCount;
    /** Test hook: work a path's view out again after its links verify (as before), to compare with the copy. */
    private final boolean rebuildViews;

    // sized for a real chain's search (a few paths, certificates and views); they grow when a search is larger
    private final Set<List<Certificate>> allPaths = new HashSet<>(8);
    private final List<Node> partials = new ArrayList<>(4);
    private final Deque<Node> candidates = new ArrayDeque<>(4); // grows when needed; most searches hold one or two
    private final List<Node> rejected = new ArrayList<>();
    private final Map<Node, CandidatePath> views = new HashMap<>(8);
    /** One mapping function for every {@link #view} lookup, not a method reference per call. */
    private final java.util.function.Function<Node, CandidatePath> toCandidate = this::toCandidate;

    private final Map<Certificate, Optional<AnchorInfo>> anchors = new HashMap<>(8);
    private int partialIx;
    private int nextParentSource = 1; // the presented certificates are unlocked from the start
    private boolean considerRejected;
    private boolean considerPartials;
    private String limitReached;

    private CandidatePath best;
    private long bestScore = Long.MIN_VALUE;
    private boolean bestAccepted;
    private boolean bestEv;
    private PathValidation bestValidation;

    private PathBuilder(
            EvaluationRequest request, PathValidator validator, SignatureVerifier verifier, boolean rebuildViews) {
        this.request = request;
        this.rebuildViews = rebuildViews;
        this.leafEvCapable = validator.leafCouldBeExtendedValidation(request.leaf(), request);
        this.validator = validator;
        this.budget = request.budget();
        this.signatures = new LinkSignatures(verifier, budget.maxSignatureChecks());
        Optional<CertificateSource> aia = request.network()
                ? request.aiaFetcher().map(f -> new AiaSource(f, request.verifyTime()))
                : Optional.empty();
        this.sources = new TrustSources(request, aia);
        List<? extends CertificateSource> anchorSources = sources.anchorSources();
        List<? extends CertificateSource> parentSources = sources.parentSources();
        ImmutableList.Builder<CertificateSource> all =
                ImmutableList.builderWithExpectedSize(anchorSources.size() + parentSources.size());
        for (int i = 0, n = anchorSources.size(); i < n; i++) {
            all.add(anchorSources.get(i));
        }
        for (int i = 0, n = parentSources.size(); i < n; i++) {
            all.add(parentSources.get(i));
        }
        this.allSources = all.build();
        this.anchorSourceCount = sources.anchorSources().size();
    }

    /** Builds paths for the request's leaf and returns the best one (never null). */
    public static BuildOutcome build(EvaluationRequest request, PathValidator validator) {
        return build(request, validator, LinkSignatures.SHARED);
    }

    static BuildOutcome build(EvaluationRequest request, PathValidator validator, SignatureVerifier verifier) {
        return new PathBuilder(request, validator, verifier, false).run();
    }

    /** As {@link #build(EvaluationRequest, PathValidator, SignatureVerifier)}, every view worked out afresh. */
    static BuildOutcome buildRebuildingViews(
            EvaluationRequest request, PathValidator validator, SignatureVerifier verifier) {
        return new PathBuilder(request, validator, verifier, true).run();
    }

    // ------------------------------------------------------------------ the state machine

    private BuildOutcome run() {
        Certificate leaf = request.leaf();
        Node leafNode = new Node(List.of(leaf), List.of(CertificateOrigin.PRESENTED));
        leafNode.anchor = anchorOf(leaf);
        allPaths.add(leafNode.certs);
        partials.add(leafNode);
        partialIx = 0;
        // §1.4 step 1: leaf checks once; if they fail no path can be accepted, paths are only scored
        considerRejected = !validator.leafChecks(leaf, request).isEmpty();
        if (leafNode.anchor.isPresent()) {
            candidates.add(leafNode);
        }
        while (step()) {
            // each step removes a candidate or rejected path, advances a phase or a partial's source
            // index, or creates paths (bounded by the path cap): the loop terminates
        }
        if (best == null) {
            // only reachable if the search was cut short before any path was scored
            score(leafNode, false, null);
        }
        if (limitReached == null && signatures.exhausted()) {
            limitReached = signatures.limitName(); // a check the budget could not pay for (e.g. a self-signature)
        }
        boolean exceeded = !bestAccepted && limitReached != null;
        return new BuildOutcome(
                best,
                bestAccepted,
                Optional.ofNullable(bestValidation),
                bestScore,
                exceeded,
                allPaths.size(),
                signatures.used(),
                Optional.ofNullable(limitReached));
    }

    /** One step of SecPathBuilderGetNext; false when finished. */
    private boolean step() {
        if (!candidates.isEmpty()) {
            return validateCandidate(candidates.removeFirst());
        }
        if (considerRejected && !rejected.isEmpty()) {
            Node r = rejected.remove(rejected.size() - 1);
            if (isPartial(r)) {
                partials.add(++partialIx, r);
            }
            return true;
        }
        if (partialIx < 0) {
            if (nextParentSource < sources.parentSources().size()) {
                nextParentSource++;
            } else if (!considerRejected) {
                considerRejected = true;
            } else if (!considerPartials) {
                considerPartials = true;
            } else {
                return false;
            }
            partialIx = partials.size() - 1;
            return true;
        }
        Node partial = partials.get(partialIx);
        if (considerPartials) {
            partialIx--;
            score(partial, false, null);
            return true;
        }
        // §1.4 step 2.6, as SecPathBuilderGetNext: no partial is extended once more than 100 paths exist.
        // Checked between steps only, so a parent list is always processed whole (150 same-name anchors
        // with the right one last still give its path).
        if (allPaths.size() > budget.maxPaths()) {
            limitReached = limitReached == null ? "maxPaths" : limitReached;
            partialIx = -1;
            return true;
        }
        if (partial.nextSource < anchorSourceCount + nextParentSource && canExtend(partial)) {
            CertificateSource source = allSources.get(partial.nextSource++);
            processParents(partial, source.parentsOf(partial.top()), source.origin());
        } else {
            partialIx--;
        }
        return true;
    }

    private boolean canExtend(Node partial) {
        if (limitReached != null && !"maxDepth".equals(limitReached)) {
            return false;
        }
        if (partial.size() >= budget.maxDepth()) {
            limitReached = limitReached == null ? "maxDepth" : limitReached;
            return false;
        }
        return true;
    }

    /** SecPathBuilderProcessParents: one new path per parent not already in the partial. */
    private void processParents(Node partial, List<Certificate> parents, CertificateOrigin origin) {
        for (int p = 0, n = parents.size(); p < n; p++) { // indexed: no iterator per partial and source
            Certificate parent = parents.get(p);
            if (contains(partial.certs, parent)) {
                continue; // no certificate twice in a path (prevents loops)
            }
            List<Certificate> certs = appended(partial.certs, parent);
            if (!allPaths.add(certs)) {
                continue; // an identical path exists
            }
            Node node = new Node(certs, appended(partial.origins, origin));
            node.verifiedLinks = partial.verifiedLinks;
            node.anchor = anchorOf(parent);
            if (isPartial(node)) {
                partials.add(++partialIx, node);
            }
        }
    }

    /** An immutable copy of {@code list} with {@code last} added: one array, no intermediate list. */
    private static <T> List<T> appended(List<T> list, T last) {
        int n = list.size();
        if (n == 1) {
            return List.of(list.get(0), last);
        }
        ImmutableList.Builder<T> b = ImmutableList.builderWithExpectedSize(n + 1);
        for (int i = 0; i < n; i++) {
            b.add(list.get(i));
        }
        return b.add(last).build();
    }

    private static boolean contains(List<Certificate> certs, Certificate c) {
        for (int i = 0, n = certs.size(); i < n; i++) {
            if (certs.get(i).equals(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SecPathBuilderIsPartial: parent checks (skipped when considering rejected paths) → rejected;
     * a bad signature discards the path; anchored → candidate; self-signed top or loop → terminal
     * (rejected, or a candidate when considering rejected paths); otherwise a partial.
     */
    private boolean isPartial(Node node) {
        if (!considerRejected
                && !validator.parentChecks(view(node), node.size() - 1, request).isEmpty()) {
            rejected.add(node);
            return false;
        }
        if (!verifySignatures(node)) {
            return false;
        }
        if (node.anchor.isPresent()) {
            candidates.add(node);
            return false;
        }
        if (view(node).topSelfSigned() || isLoop(node)) {
            if (considerRejected) {
                candidates.add(node);
            } else {
                rejected.add(node);
            }
            return false;
        }
        return true;
    }

    /** Verifies every not-yet-verified link; false (path discarded) on a bad signature or an exhausted budget. */
    private boolean verifySignatures(Node node) {
        for (int i = node.verifiedLinks; i < node.size() - 1; i++) {
            LinkSignatures.Verdict v = signatures.verify(node.certs.get(i), node.certs.get(i + 1));
            if (v == LinkSignatures.Verdict.BUDGET_EXHAUSTED) {
                limitReached = signatures.limitName();
                return false;
            }
            if (v == LinkSignatures.Verdict.INVALID) {
                return false;
            }
            node.verifiedLinks = i + 1;
            linksVerified(node);
        }
        return true;
    }

    /**
     * The view of a path whose verified links changed: the same view with the new {@code signaturesVerified}.
     * Working it out again gives the same values while no signature check has run out of budget — the
     * top's and the user-store certificates' self-signedness are then memoized in {@link LinkSignatures},
     * anchors per certificate here, the rest are facts of the certificates — so it is worked out again
     * (lazily, as before) only once the budget ran out.
     */
    private void linksVerified(Node node) {
        CandidatePath old = views.remove(node);
        if (old == null || rebuildViews || signatures.exhausted()) {
            return;
        }
        views.put(
                node,
                new CandidatePath(
                        old.certificates(),
                        old.origins(),
                        old.anchor(),
                        old.topSelfSigned(),
                        old.systemTrusted(),
                        old.appleRoot(),
                        node.verifiedLinks == node.size() - 1,
                        old.userTrustSettings()));
    }

    /** The top's issuer name equals the subject of a lower certificate (a loop in the CA graph). */
    private static boolean isLoop(Node node) {
        Optional<?> issuer = node.top().normalizedIssuer();
        if (issuer.isEmpty()) {
            return false;
        }
        for (int i = 0; i < node.size() - 1; i++) {
            if (issuer.equals(node.certs.get(i).normalizedSubject())) {
                return true;
            }
        }
        return false;
    }

    private boolean validateCandidate(Node node) {
        CandidatePath path = view(node);
        PathValidation v = validator.validate(path, request);
        boolean ev = isExtendedValidation(v);
        if (!v.accepted()) {
            score(node, false, v);
            return true;
        }
        long s = PathScore.score(path, request.verifyTime(), true, ev);
        if (s > bestScore) {
            setBest(path, s, true, ev, v);
        }
        // §1.5: stop after an accept unless an upgrade is still possible
        boolean sha2 = !PathScore.hasWeakHash(path);
        boolean leafSha2 = !path.leaf().signatureHash().isWeakForScoring();
        boolean upgradeToSha2 = leafSha2 && !sha2;
        boolean upgradeToEv = leafCouldBeExtendedValidation(path) && !ev;
        return upgradeToSha2 || upgradeToEv;
    }

    /** SecPathBuilderReject: score a rejected or partial path; EV rules of §1.5. */
    private void score(Node node, boolean accepted, PathValidation v) {
        CandidatePath path = view(node);
        boolean ev = v != null && isExtendedValidation(v);
        if (bestEv && !ev && best != null) {
            return; // a rejected non-EV path never replaces a rejected EV path
        }
        long s = PathScore.score(path, request.verifyTime(), accepted, ev);
        if (best == null || (ev && !bestEv && !bestAccepted) || s > bestScore) {
            setBest(path, s, accepted, ev, v);
        }
    }

    private void setBest(CandidatePath path, long s, boolean accepted, boolean ev, PathValidation v) {
        best = path;
        bestScore = s;
        bestAccepted = accepted;
        bestEv = ev;
        bestValidation = v;
    }

    /**
     * EV hook (§10): whether a validated path qualifies as Extended Validation — the validator's EV
     * check (run once per path, its failures discarded) leaves an {@code ExtendedValidation} note.
     * Drives the +1,000,000 score row and the EV replacement rules.
     */
    static boolean isExtendedValidation(PathValidation validation) {
        List<Failure> notes = validation.notes();
        for (int i = 0, n = notes.size(); i < n; i++) {
            if (notes.get(i).code() == FindingCode.EXTENDED_VALIDATION) {
                return true;
            }
        }
        return false;
    }

    /** EV hook (§1.5 upgrade rule): whether the leaf could be EV (§10 leaf test, decided once per evaluation). */
    private boolean leafCouldBeExtendedValidation(CandidatePath path) {
        return leafEvCapable;
    }

    // ------------------------------------------------------------------ views for the policy

    /** SecPathBuilderIsAnchor, memoized per certificate for this evaluation. */
    private Optional<AnchorInfo> anchorOf(Certificate c) {
        Optional<AnchorInfo> a = anchors.get(c);
        if (a == null) {
            a = sources.anchorFor(c, signatures);
            anchors.put(c, a);
        }
        return a;
    }

    private CandidatePath view(Node node) {
        return views.computeIfAbsent(node, toCandidate);
    }

    private CandidatePath toCandidate(Node node) {
        Certificate top = node.top();
        boolean topSelfSigned = signatures.isSelfSigned(top);
        Map<Integer, List<TrustSetting>> user = null; // created only for a path with user trust settings
        for (int i = 0; i < node.size(); i++) {
            Certificate c = node.certs.get(i);
            // Apple keeps the constraints of the source that decided: a certificate anchored by the app,
            // Apple's roots or the system store carries none of its user settings (§1.3, §7.3)
            Optional<AnchorInfo> a = anchorOf(c);
            if (a.isEmpty() || a.get().isUserStore()) {
                Optional<List<TrustSetting>> s = sources.userTrustSettings(c, signatures);
                if (s.isPresent()) {
                    if (user == null) {
                        user = new HashMap<>();
                    }
                    user.put(i, s.get());
                }
            }
        }
        return new CandidatePath(
                node.certs,
                node.origins,
                node.anchor,
                topSelfSigned,
                sources.isSystemRoot(top),
                HardCodedRoots.isAppleRoot(top),
                node.verifiedLinks == node.size() - 1,
                user == null ? Map.of() : user);
    }
}
