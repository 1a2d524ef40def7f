package io.github.sectrust4j.policy.names;

import io.github.sectrust4j.policy.names.NameConstraintCheck.Outcome;
import io.github.sectrust4j.policy.names.NameConstraintMatcher.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The permitted/excluded name-subtree state of RFC 5280 §6.1 as iOS applies it (spec §2.3 items 3
 * and 6). Immutable: {@link #withCa} returns a new state.
 *
 * <p>Permitted subtrees are intersected: each CA that constrains a name form adds one "level", and a
 * name must lie in some subtree of its form at <em>every</em> level that has subtrees of that form
 * (this is exactly the set intersection, kept unexpanded). Excluded subtrees are united. A form
 * without permitted subtrees is unconstrained.
 *
 * <p>Checked names (spec §2.3): the non-empty subject DN, the subject's e-mail attributes, every SAN
 * entry — never the subject CN as a DNS name. Every name must pass, so when the subject DN and the
 * SAN disagree, permitted checks fail and excluded checks exclude. With any constraint in force, a
 * certificate with an empty subject and no SAN fails outright. Malformed names or subtrees fail
 * closed: such a name is never "within" a permitted subtree, and always "within" a malformed
 * excluded subtree of its form.
 */
public final class NameConstraintState {

    /** Combined subtree count at or above which iOS fails {@code NameConstraints} (spec §2.3 item 6). */
    public static final int MAX_COMBINED_SUBTREES = 1024;

    /**
     * Name/subtree comparisons one {@link #permits} may make (e.g. 1,000 names × 1,000 subtrees); beyond
     * it the check fails closed. Bounds validation time: 50,000 SANs under 1,000 subtrees took seconds
     * per candidate path, and a path search validates up to 100 candidates [inferred: iOS has no limit].
     */
    public static final int MAX_COMPARISONS = 1_000_000;

    private static final NameConstraintState UNCONSTRAINED = new NameConstraintState(List.of(), List.of());

    private final List<List<GeneralNameValue>> permittedLevels;
    private final List<GeneralNameValue> excluded;

    private NameConstraintState(List<List<GeneralNameValue>> permittedLevels, List<GeneralNameValue> excluded) {
        this.permittedLevels = permittedLevels;
        this.excluded = excluded;
    }

    /** The initial state when the anchor is untrusted or carries no nameConstraints (spec §2.3 item 3). */
    public static NameConstraintState unconstrained() {
        return UNCONSTRAINED;
    }

    /**
     * The state after a CA (or a trusted anchor, §2.3 item 3) with the given nameConstraints subtrees
     * of supported forms: permitted intersected, excluded appended. Unsupported forms are the caller's
     * business (a critical extension with one fails {@code NameConstraints} at that CA).
     */
    public NameConstraintState withCa(
            List<GeneralNameValue> permittedSubtrees, List<GeneralNameValue> excludedSubtrees) {
        List<List<GeneralNameValue>> levels = new ArrayList<>(permittedLevels);
        if (permittedSubtrees != null && !permittedSubtrees.isEmpty()) {
            levels.add(List.copyOf(permittedSubtrees));
        }
        List<GeneralNameValue> ex = new ArrayList<>(excluded);
        if (excludedSubtrees != null) {
            ex.addAll(excludedSubtrees);
        }
        return new NameConstraintState(List.copyOf(levels), List.copyOf(ex));
    }

    /** Whether no constraint is in force. */
    public boolean isUnconstrained() {
        return permittedLevels.isEmpty() && excluded.isEmpty();
    }

    /** Number of permitted plus excluded subtrees accumulated. */
    public int subtreeCount() {
        int n = excluded.size();
        for (List<GeneralNameValue> level : permittedLevels) {
            n += level.size();
        }
        return n;
    }

    /**
     * Whether the combined subtree count reached {@link #MAX_COMBINED_SUBTREES}, which iOS treats as a
     * {@code NameConstraints} failure. Counted over the unexpanded levels (an upper bound of the
     * intersected set's size) [inferred: Apple's exact counting point is not pinned down].
     */
    public boolean subtreeLimitExceeded() {
        return subtreeCount() >= MAX_COMBINED_SUBTREES;
    }

    /** The excluded subtrees, united. */
    public List<GeneralNameValue> excludedSubtrees() {
        return excluded;
    }

    /** The permitted subtrees per constraining CA, outermost first (their intersection applies). */
    public List<List<GeneralNameValue>> permittedSubtreeLevels() {
        return permittedLevels;
    }

    /**
     * Checks one certificate's names (spec §2.3 item 6); never throws. The RFC 5280 processor calls
     * this for every certificate below the anchor that is not self-issued, and always for the leaf.
     * An empty {@code subjectAltNames} list is read as "no SAN".
     */
    public NameConstraintCheck permits(CertificateNames names) {
        if (isUnconstrained()) {
            return NameConstraintCheck.OK;
        }
        List<GeneralNameValue> all = new ArrayList<>();
        if (!isEmptyName(names.rawSubjectDer())) {
            all.add(GeneralNameValue.directoryName(names.rawSubjectDer()));
        }
        if (all.isEmpty() && names.subjectAltNames().isEmpty()) {
            return new NameConstraintCheck(Outcome.NO_NAMES, Optional.empty(), Optional.empty());
        }
        for (String email : names.subjectEmails()) {
            all.add(GeneralNameValue.email(email));
        }
        all.addAll(names.subjectAltNames());
        long subtrees = excluded.size();
        for (List<GeneralNameValue> level : permittedLevels) {
            subtrees += level.size();
        }
        if (subtrees * all.size() > MAX_COMPARISONS) {
            return new NameConstraintCheck(Outcome.TOO_MANY_COMPARISONS, Optional.empty(), Optional.empty());
        }
        for (GeneralNameValue name : all) {
            for (GeneralNameValue ex : excluded) {
                if (ex.type() == name.type() && NameConstraintMatcher.within(name, ex) != Within.NO) {
                    return new NameConstraintCheck(Outcome.EXCLUDED, Optional.of(name), Optional.of(ex));
                }
            }
            for (List<GeneralNameValue> level : permittedLevels) {
                GeneralNameValue firstOfType = null;
                boolean inside = false;
                for (GeneralNameValue p : level) {
                    if (p.type() != name.type()) {
                        continue;
                    }
                    if (firstOfType == null) {
                        firstOfType = p;
                    }
                    if (NameConstraintMatcher.within(name, p) == Within.YES) {
                        inside = true;
                        break;
                    }
                }
                if (firstOfType != null && !inside) {
                    return new NameConstraintCheck(Outcome.NOT_PERMITTED, Optional.of(name), Optional.of(firstOfType));
                }
            }
        }
        return NameConstraintCheck.OK;
    }

    private static boolean isEmptyName(byte[] der) {
        Optional<org.bouncycastle.asn1.x500.RDN[]> rdns = NameConstraintMatcher.rdns(der);
        return rdns.isPresent() && rdns.get().length == 0;
    }

    @Override
    public String toString() {
        return "NameConstraintState{permitted=" + permittedLevels + ", excluded=" + excluded + "}";
    }
}
