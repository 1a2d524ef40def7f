package io.github.sectrust4j.policy.names;

import java.util.HexFormat;
import java.util.Optional;

/** IP literal parsing and rendering for host-name matching (spec §3.4). */
final class IpLiteral {

    private IpLiteral() {
    }

    /** Parses the reference host as an IPv4 or IPv6 literal per §3.4; empty when it is neither. */
    static Optional<byte[]> parseReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
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

    /**
     * Textual rendering of a SAN iPAddress as used by the pre-iOS 13 textual comparison (§3.4):
     * IPv4 as dotted decimal without leading zeros ({@code 10.0.0.1}); IPv6 as eight groups of four
     * upper-case hex digits, uncompressed ({@code 2001:0DB8:0000:0000:0000:0000:0000:0001}) — the
     * rendering of Apple's certificate summary code of that era [inferred from Apple code]. The
     * comparison is case-insensitive, so a reference must spell IPv6 the same uncompressed way.
     * Returns empty for a length other than 4 or 16.
     */
    static Optional<String> render(byte[] address) {
        if (address == null) {
            return Optional.empty();
        }
        if (address.length == 4) {
            return Optional.of((address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff)
                    + "." + (address[3] & 0xff));
        }
        if (address.length == 16) {
            StringBuilder sb = new StringBuilder(39);
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02X%02X", address[i] & 0xff, address[i + 1] & 0xff));
            }
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }

    /** Hex dump for evidence about an iPAddress entry of invalid length. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
