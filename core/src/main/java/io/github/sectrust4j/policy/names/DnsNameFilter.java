package io.github.sectrust4j.policy.names;

import java.util.Optional;

/** The DNS-syntax filter applied to presented names (spec §3.2). */
final class DnsNameFilter {
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_LABEL_LENGTH = 63;

    private DnsNameFilter() {}

    /** Returns the first defect of {@code name}, or empty when it is accepted as a DNS name. */
    static Optional<PresentedNameDefect> defect(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(PresentedNameDefect.EMPTY);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(PresentedNameDefect.TOO_LONG);
        }
        for (int i = 0; i < name.length(); i++) {
            if (!allowed(name.charAt(i))) {
                return Optional.of(PresentedNameDefect.INVALID_CHARACTER);
            }
        }
        int labelStart = 0;
        boolean lastLabelHasLetter = false;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && name.charAt(i) != '.') {
                continue;
            }
            int length = i - labelStart;
            if (length == 0) {
                return Optional.of(PresentedNameDefect.EMPTY_LABEL);
            }
            if (length > MAX_LABEL_LENGTH) {
                return Optional.of(PresentedNameDefect.LABEL_TOO_LONG);
            }
            if (name.charAt(labelStart) == '-') {
                return Optional.of(PresentedNameDefect.LABEL_STARTS_WITH_HYPHEN);
            }
            if (name.charAt(i - 1) == '-') {
                return Optional.of(PresentedNameDefect.LABEL_ENDS_WITH_HYPHEN);
            }
            lastLabelHasLetter = false;
            for (int j = labelStart; j < i; j++) {
                char c = name.charAt(j);
                // '_' does not count as a letter; '*' does (§3.2 last bullet)
                if (isAsciiLetter(c) || c == '*') {
                    lastLabelHasLetter = true;
                    break;
                }
            }
            labelStart = i + 1;
        }
        return lastLabelHasLetter ? Optional.empty() : Optional.of(PresentedNameDefect.NO_LETTER_IN_LAST_LABEL);
    }

    static boolean accepts(String name) {
        return defect(name).isEmpty();
    }

    private static boolean allowed(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '*';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
