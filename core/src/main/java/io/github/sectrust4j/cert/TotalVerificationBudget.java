package io.github.sectrust4j.cert;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The total number of public-key verifications one evaluation may make ({@code PathBudget#maxVerifications}):
 * certificate signatures, SCT signatures and OCSP response (and responder certificate) signatures together.
 * Each distinct verification is charged once per evaluation, whether its verdict was computed or came from
 * a cache shared with other evaluations, so an evaluation's outcome never depends on what other
 * evaluations left in a cache; repeating a verification within the evaluation is free. A verification the
 * budget cannot pay for is not made and counts as failed, and the evaluation is reported as
 * {@code VerificationBudgetExceeded}, never trusted.
 *
 * <p>The budget is scoped to the evaluating thread ({@link #open}) rather than passed down, because the
 * verifications happen deep inside the CT and OCSP checks; an evaluation runs on one thread. Outside a
 * scope nothing is charged. Not thread-safe: one per evaluation. Internal to sectrust4j.
 */
public final class TotalVerificationBudget implements AutoCloseable {

    /** What a verification checks, for the finding's evidence. */
    public enum Kind {
        CERTIFICATE,
        SCT,
        OCSP
    }

    private static final ThreadLocal<TotalVerificationBudget> CURRENT = new ThreadLocal<>();

    private final int limit;
    private final TotalVerificationBudget outer;
    private static final int KINDS = Kind.values().length;
    /** Identities kept in {@link #few} (compared one by one) before a hash set takes over. */
    private static final int FEW = 8;

    /**
     * The verifications charged so far (at most {@code limit}), by the identity of what they check: the first
     * {@value #FEW} in an array (a real chain's evaluation charges a handful), all of them in {@link #many} after.
     */
    private final Object[] few = new Object[FEW];

    private Set<Object> many;
    private int charged;

    private final int[] byKind = new int[KINDS];
    private boolean exhausted;

    private TotalVerificationBudget(int limit, TotalVerificationBudget outer) {
        this.limit = limit;
        this.outer = outer;
    }

    /** Starts the budget of an evaluation on this thread; close it when the evaluation ends. */
    public static TotalVerificationBudget open(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        TotalVerificationBudget budget = new TotalVerificationBudget(limit, CURRENT.get());
        CURRENT.set(budget);
        return budget;
    }

    /**
     * Charges the verification identified by {@code identity} (a value with equals/hashCode over everything
     * the verdict depends on) to the current evaluation: true if it may be made (already charged, no budget
     * in scope, or budget left), false if the budget is spent — the verification must then count as failed.
     */
    public static boolean charge(Kind kind, Object identity) {
        TotalVerificationBudget budget = CURRENT.get();
        return budget == null || budget.chargeHere(kind, identity);
    }

    private boolean chargeHere(Kind kind, Object identity) {
        if (isCharged(identity)) {
            return true;
        }
        if (charged >= limit) {
            exhausted = true;
            return false;
        }
        if (many != null) {
            many.add(identity);
        } else if (charged < FEW) {
            few[charged] = identity;
        } else {
            many = new HashSet<>(Arrays.asList(few));
            many.add(identity);
        }
        charged++;
        byKind[kind.ordinal()]++;
        return true;
    }

    private boolean isCharged(Object identity) {
        if (many != null) {
            return many.contains(identity);
        }
        for (int i = 0; i < charged; i++) {
            if (few[i].equals(identity)) {
                return true;
            }
        }
        return false;
    }

    public int limit() {
        return limit;
    }

    /** Distinct verifications charged. */
    public int used() {
        return charged;
    }

    /** Distinct verifications of one kind charged. */
    public int used(Kind kind) {
        return byKind[kind.ordinal()];
    }

    /** True once a verification was refused: something could not be verified. */
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
