package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A name-constraints failure (RFC 5280 §6.1.3 (b), (c), §6.1.4 (g)): {@code NameConstraints}
 * ({@code BasicCertificateProcessing} before iOS 11.3).
 */
public sealed interface NameConstraintFailure extends Evidence {

    /** A name of the certificate outside the permitted or inside the excluded subtrees of a CA above. */
    record NameOutsideSubtrees(String outcome, Optional<String> name, Optional<String> subtree, String explanation)
            implements NameConstraintFailure {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", outcome);
            name.ifPresent(n -> m.put("name", n));
            subtree.ifPresent(s -> m.put("subtree", s));
            m.put("explanation", explanation);
            return StableOrder.evidence(m);
        }
    }

    /** A critical nameConstraints extension with subtree forms iOS cannot check. */
    record UnsupportedForms(int unsupportedSubtrees) implements NameConstraintFailure {
        static final String RULE =
                "a critical nameConstraints extension may only use DNS, IP, e-mail, URI and" + " directory-name forms";

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unsupportedSubtrees", unsupportedSubtrees);
            m.put("rule", RULE);
            return StableOrder.evidence(m);
        }
    }

    /** The combined subtrees of the CAs above exceed the library's bound (a hostile certificate). */
    record TooManySubtrees(int combinedSubtrees, int limit) implements NameConstraintFailure {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("combinedSubtrees", combinedSubtrees);
            m.put("limit", limit);
            return StableOrder.evidence(m);
        }
    }
}
