package io.github.sectrust4j.request;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.text.AsciiCase;
import java.util.Optional;

/**
 * The SSL policy's reference identifier as iOS reads it (§3): the host the client connects to, exactly as handed to
 * the trust evaluation, with the readings the name check needs owned here — an IPv4 or IPv6 literal or a DNS name
 * (§3.4), the name without its trailing dot (§3.3: the label matcher strips one), and equality that ignores ASCII
 * case (DNS names are case-insensitive; §3.3 compares labels with ASCII folding only).
 *
 * <p>Any text is a reference: iOS checks whatever the app passes, so nothing is refused here. Checking and
 * normalising an admin's input (URLs, ports, lists, U-labels to A-labels) is {@link io.github.sectrust4j.HostName}'s
 * job, which gives the text iOS would see. Immutable.
 */
public final class ReferenceHost {
    private final String text;
    private final byte[] ip; // null for a DNS name

    private ReferenceHost(String text, byte[] ip) {
        this.text = text;
        this.ip = ip;
    }

    /** The reference {@code text}, read as an IP literal when it is one (§3.4). */
    public static ReferenceHost of(String text) {
        requireNonNull(text, "text");
        return new ReferenceHost(text, parseIp(text).orElse(null));
    }

    /** The text as given (what the pre-iOS 10 matcher and the textual IP comparison before iOS 13 use). */
    public String text() {
        return text;
    }

    /** The text without one trailing dot, as the label matcher compares it (§3.3). */
    public String withoutTrailingDot() {
        return withoutTrailingDot(text);
    }

    /** {@code reference} without one trailing dot (§3.3); the rule the label matcher applies per comparison. */
    public static String withoutTrailingDot(String reference) {
        return reference.endsWith(".") ? reference.substring(0, reference.length() - 1) : reference;
    }

    /** The address when the text is an IPv4 or IPv6 literal (4 or 16 bytes; a copy), else empty (§3.4). */
    public Optional<byte[]> ipLiteral() {
        return ip == null ? Optional.empty() : Optional.of(ip.clone());
    }

    /** True for an IPv4 or IPv6 literal, false for a DNS name. */
    public boolean isIpLiteral() {
        return ip != null;
    }

    /** Equal when the texts without a trailing dot are equal ignoring ASCII case: the names iOS would match alike. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceHost r && AsciiCase.equals(r.withoutTrailingDot(), withoutTrailingDot());
    }

    @Override
    public int hashCode() {
        return com.google.common.base.Ascii.toLowerCase(withoutTrailingDot()).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- §3.4 IP literals ----

    /** The text as an IPv4 or IPv6 literal per §3.4; empty when it is neither. */
    private static Optional<byte[]> parseIp(String reference) {
        Optional<byte[]> v4 = parseIpv4(reference);
        return v4.isPresent() ? v4 : parseIpv6(reference);
    }

    /**
     * IPv4: 7–15 characters of digits and dots, exactly four parts, each a plain decimal number
     * (leading zeros are decimal, an empty part is 0) not above 255.
     */
    static Optional<byte[]> parseIpv4(String s) {
        if (s.length() < 7 || s.length() > 15) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return Optional.empty();
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = 0;
            for (char c : parts[i].toCharArray()) {
                value = value * 10 + (c - '0'); // at most 15 digits in total would overflow: bounded below
                if (value > 255) {
                    return Optional.empty();
                }
            }
            out[i] = (byte) value;
        }
        return Optional.of(out);
    }

    /**
     * IPv6: 2–41 characters, optionally in {@code [ ]}, hex digits and colons only, 3–8 colon-separated
     * fields of at most 4 hex digits, at most one {@code ::} run; no IPv4-embedded form.
     */
    static Optional<byte[]> parseIpv6(String s) {
        if (s.length() < 2 || s.length() > 41) {
            return Optional.empty();
        }
        if (s.startsWith("[") || s.endsWith("]")) {
            if (!(s.startsWith("[") && s.endsWith("]")) || s.length() < 4) {
                return Optional.empty();
            }
            s = s.substring(1, s.length() - 1);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (c != ':' && !hex) {
                return Optional.empty();
            }
        }
        String[] fields = s.split(":", -1);
        if (fields.length < 3 || fields.length > 8) {
            return Optional.empty();
        }
        int run = s.indexOf("::");
        if (run >= 0 && s.indexOf("::", run + 1) >= 0) {
            return Optional.empty(); // a second '::' (":::" included)
        }
        String[] head;
        String[] tail;
        if (run >= 0) {
            head = groups(s.substring(0, run));
            tail = groups(s.substring(run + 2));
            if (head == null || tail == null || head.length + tail.length > 7) {
                return Optional.empty();
            }
        } else {
            head = groups(s);
            tail = new String[0];
            if (head == null || head.length != 8) {
                return Optional.empty();
            }
        }
        byte[] out = new byte[16];
        int pos = 0;
        for (String g : head) {
            pos = put(out, pos, g);
        }
        pos = 16 - 2 * tail.length;
        for (String g : tail) {
            pos = put(out, pos, g);
        }
        return Optional.of(out);
    }

    private static String[] groups(String part) {
        if (part.isEmpty()) {
            return new String[0];
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
        }
        return groups;
    }

    private static int put(byte[] out, int pos, String group) {
        int v = Integer.parseInt(group, 16);
        out[pos] = (byte) (v >> 8);
        out[pos + 1] = (byte) v;
        return pos + 2;
    }
}
