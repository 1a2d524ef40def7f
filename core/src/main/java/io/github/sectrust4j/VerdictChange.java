package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where one host's verdict changes between two adjacent evaluated releases, and the findings that explain
 * it: the failures that {@link #appeared()} under the later release and those that {@link #disappeared()}.
 * Derived from the two reports alone (no text per scenario), so it explains any change the rules make.
 *
 * @param before      the report under the earlier release
 * @param after       the report under the later release (same host and chain)
 * @param appeared    failures of {@code after} that {@code before} does not have (by check, position, severity)
 * @param disappeared failures of {@code before} that {@code after} no longer has
 */
public record VerdictChange(TrustReport before, TrustReport after, List<Finding> appeared, List<Finding> disappeared) {
    public VerdictChange {
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        appeared = List.copyOf(appeared);
        disappeared = List.copyOf(disappeared);
    }

    /**
     * The changes along one host's reports: for each adjacent pair (by release, ascending) whose verdict
     * or reported error differs.
     */
    public static List<VerdictChange> along(List<TrustReport> byRelease) {
        List<TrustReport> sorted = new ArrayList<>(byRelease);
        sorted.sort((a, b) -> a.release().compareTo(b.release()));
        List<VerdictChange> out = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            TrustReport a = sorted.get(i - 1);
            TrustReport b = sorted.get(i);
            if (a.trusted() != b.trusted() || !a.error().equals(b.error())) {
                Map<String, Finding> before = failures(a);
                Map<String, Finding> after = failures(b);
                out.add(new VerdictChange(
                        a,
                        b,
                        after.entrySet().stream()
                                .filter(e -> !before.containsKey(e.getKey()))
                                .map(Map.Entry::getValue)
                                .toList(),
                        before.entrySet().stream()
                                .filter(e -> !after.containsKey(e.getKey()))
                                .map(Map.Entry::getValue)
                                .toList()));
            }
        }
        return out;
    }

    /** The host both reports checked; empty when no host-name check was asked for. */
    public Optional<String> host() {
        return after.host();
    }

    /** The last evaluated release with the old verdict. */
    public IosRelease until() {
        return before.release();
    }

    /** The first evaluated release with the new verdict. */
    public IosRelease from() {
        return after.release();
    }

    /**
     * One line for admins, e.g. "trusted until 10.2; from 10.3 not trusted (errSecNotTrusted): AnchorTrusted
     * fails at [2]: … Fix: Turn on full trust …".
     */
    public String explain() {
        StringBuilder out = new StringBuilder(verdict(before))
                .append(" until ")
                .append(until())
                .append("; from ")
                .append(from())
                .append(' ')
                .append(verdict(after))
                .append(": ");
        List<String> reasons = new ArrayList<>();
        for (Finding f : appeared) {
            String message = f.message().startsWith(f.code().code() + ": ")
                    ? f.message().substring(f.code().code().length() + 2)
                    : f.message();
            reasons.add(f.code().code() + " fails" + at(f) + ": " + message
                    + (f.remedy().isEmpty() ? "" : " Fix: " + f.remedy()));
        }
        if (!disappeared.isEmpty()) {
            reasons.add(disappeared.stream()
                            .map(f -> f.code().code() + at(f))
                            .distinct()
                            .collect(Collectors.joining(", "))
                    + " no longer " + (disappeared.size() == 1 ? "fails" : "fail"));
        }
        if (reasons.isEmpty()) {
            reasons.add("the same checks fail, but iOS " + from() + " reports a different one first");
        }
        return out.append(String.join("; ", reasons)).toString();
    }

    private static String verdict(TrustReport r) {
        return r.trusted()
                ? "trusted"
                : "not trusted" + r.error().map(e -> " (" + e.appleName() + ")").orElse("");
    }

    private static String at(Finding f) {
        return f.certificateIndex() >= 0 ? " at [" + f.certificateIndex() + "]" : "";
    }

    private static Map<String, Finding> failures(TrustReport r) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : r.failures()) {
            out.putIfAbsent(f.code().code() + "@" + f.certificateIndex() + "/" + f.severity(), f);
        }
        return out;
    }
}
