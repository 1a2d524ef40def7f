package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.request.ReferenceHost;
import io.github.sectrust4j.text.AsciiCase;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host name as a client connects to it (the SSL policy's reference identifier), checked and
 * normalised the way an admin's input needs it: {@code HostName.parse("https://sip.contoso.com/")}
 * gives {@code sip.contoso.com} with a {@link #notice() notice} saying what was taken away, and
 * {@code sip.contoso.com:443}, {@code a,b}, names with spaces or empty labels are refused with an
 * {@link InvalidHostNameException} suggesting the bare name.
 *
 * <ul>
 *   <li>IP literals (IPv4, IPv6 with or without brackets) are kept exactly as given: iOS reads them
 *       itself (§3.4).</li>
 *   <li>DNS names made of ASCII letters, digits, {@code -} and {@code _}, with an optional trailing dot
 *       (iOS strips it before matching), are kept exactly as given (case included: matching ignores it).</li>
 *   <li>Internationalised names (U-labels, {@code bücher.example}) become A-labels
 *       ({@code xn--bcher-kva.example}) with a notice. iOS compares the reference name with the
 *       certificate's dNSNames label by label as strings ({@code SecDNSMatch} in Apple's
 *       {@code SecPolicyLeafCallbacks.c}: {@code CFStringCompare} with {@code kCFCompareCaseInsensitive}, no IDN
 *       processing); dNSNames are ASCII, so a U-label never matches. Apps reach the evaluation through
 *       CFNetwork, whose URL host is the A-label, so the A-label is what iOS checks [inferred: CFNetwork's
 *       source is not public]. The conversion is {@link IDN#toASCII(String, int)} (IDNA2003 with the
 *       STD3 rules, no extra dependency). IDNA2003 and UTS #46 non-transitional processing (what current
 *       Apple networking follows) agree except on the four "deviation" characters ß, ς, ZWJ and ZWNJ;
 *       names containing them are refused with a request for the A-label rather than guessed.</li>
 * </ul>
 *
 * <p>Immutable; equality ignores ASCII case (DNS names are case-insensitive).
 */
public final class HostName {
    /** What kind of reference identifier the host is. */
    public enum Kind {
        DNS_NAME,
        IPV4,
        IPV6
    }

    /** Longest input looked at (a DNS name has at most 253 characters; a URL may be longer). */
    public static final int MAX_INPUT_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;\\s]+");
    /** IDNA2003 and UTS #46 non-transitional disagree on these (IDNA2003 maps or drops them). */
    private static final String DEVIATIONS = "\u00DF\u03C2\u200D\u200C";

    private final String value;
    private final String input;
    private final Kind kind;
    private final Optional<String> notice;
    private final boolean fromUrl;

    private HostName(String value, String input, Kind kind, Optional<String> notice, boolean fromUrl) {
        this.value = value;
        this.input = input;
        this.kind = kind;
        this.notice = notice;
        this.fromUrl = fromUrl;
    }

    /**
     * Checks and normalises {@code text} (see the class comment).
     *
     * @throws InvalidHostNameException when the text is not a host name and cannot safely be made one
     */
    public static HostName parse(String text) {
        requireNonNull(text, "text");
        if (text.length() > MAX_INPUT_LENGTH) {
            throw invalid(text, "is longer than " + MAX_INPUT_LENGTH + " characters: not a host name", List.of());
        }
        if (text.isEmpty()) {
            throw invalid(text, "is empty: give a host name such as sip.contoso.com", List.of());
        }
        if (isPlainDnsName(text)) { // the usual input: none of the steps below would change or refuse it
            checkAscii(text, text);
            return new HostName(text, text, Kind.DNS_NAME, Optional.empty(), false);
        }
        String stripped = text.strip();
        List<String> parts = parts(stripped);
        if (parts.size() > 1) {
            throw invalid(
                    text,
                    "is a list of " + parts.size() + " names: give each host name on its own " + "(--host "
                            + String.join(" --host ", parts) + ", or a --names file)",
                    parts);
        }
        if (!stripped.equals(text)) {
            throw invalid(text, "has spaces around the name: give " + quote(stripped), bareOrNone(stripped));
        }
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.lookingAt()) {
            return fromUrl(text, text.substring(scheme.end()));
        }
        return bare(text);
    }

    /** The reference identifier iOS checks: the input, or its A-label / URL host form. */
    public String value() {
        return value;
    }

    /** The text as given to {@link #parse}. */
    public String input() {
        return input;
    }

    public Kind kind() {
        return kind;
    }

    /** True for an IPv4 or IPv6 literal. */
    public boolean isIpLiteral() {
        return kind != Kind.DNS_NAME;
    }

    /** What {@link #parse} changed and why; empty when the name was taken exactly as given. */
    public Optional<String> notice() {
        return notice;
    }

    /** True when the name was taken out of a URL ({@code https://host/path}). */
    public boolean fromUrl() {
        return fromUrl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostName h && AsciiCase.equals(h.value, value);
    }

    @Override
    public int hashCode() {
        return com.google.common.base.Ascii.toLowerCase(value).hashCode(); // consistent with equals: ASCII folding only
    }

    @Override
    public String toString() {
        return value;
    }

    // ---- parsing ----

    private static HostName fromUrl(String url, String afterScheme) {
        int end = firstOf(afterScheme, "/?#");
        String authority = afterScheme.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1); // user:password@ is not the host
        String host = withoutPort(authority);
        if (host.isEmpty()) {
            throw invalid(url, "is a URL without a host name", List.of());
        }
        HostName inner;
        try {
            inner = bare(host);
        } catch (InvalidHostNameException e) {
            throw invalid(url, "is a URL whose host " + e.getMessage(), e.suggestions());
        }
        String took = quote(url) + " is a URL: took its host name " + quote(inner.value)
                + " (scheme, path and port removed: iOS matches the certificate against the host name only)";
        String notice = inner.notice.map(n -> took + "; " + n).orElse(took);
        return new HostName(inner.value, url, inner.kind, Optional.of(notice), true);
    }

    private static HostName bare(String text) {
        int path = firstOf(text, "/?#@");
        if (path < text.length()) {
            String head = text.substring(text.lastIndexOf('@') + 1);
            head = withoutPort(head.substring(0, firstOf(head, "/?#")));
            throw invalid(
                    text,
                    "is not a bare host name: it has a path, query or user part ('" + text.charAt(path) + "'); give "
                            + suggestion(head),
                    bareOrNone(head));
        }
        Optional<byte[]> ip = ReferenceHost.of(text).ipLiteral();
        if (ip.isPresent()) {
            return new HostName(text, text, ip.get().length == 4 ? Kind.IPV4 : Kind.IPV6, Optional.empty(), false);
        }
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            String head = withoutPort(text);
            if (!head.equals(text)) {
                throw invalid(
                        text,
                        "is not a bare host name: it has a port (iOS matches the certificate against "
                                + "the host name only, whatever the port); give " + suggestion(head),
                        bareOrNone(head));
            }
            throw invalid(
                    text, "is neither a host name nor an IP literal (':' is not allowed in a host name)", List.of());
        }
        if (!isAscii(text)) {
            return internationalised(text);
        }
        checkAscii(text, text);
        return new HostName(text, text, Kind.DNS_NAME, Optional.empty(), false);
    }

    private static HostName internationalised(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (DEVIATIONS.indexOf(c) >= 0) {
                throw invalid(
                        text,
                        "contains U+" + String.format("%04X", (int) c) + ", which the two IDNA "
                                + "standards convert differently (IDNA2003 maps it away, UTS #46 keeps it): give the "
                                + "A-label (xn--…) your clients connect to",
                        List.of());
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw invalid(text, "is not a valid internationalised domain name (" + e.getMessage() + ")", List.of());
        }
        checkAscii(text, ascii);
        String notice = "converted the internationalised name " + quote(text) + " to its A-label " + quote(ascii)
                + " (iOS compares host names as ASCII; its networking hands the A-label to the trust evaluation)";
        return new HostName(ascii, text, Kind.DNS_NAME, Optional.of(notice), false);
    }

    /** Labels of letters, digits, '-' and '_', none empty, at most 63 characters, 253 in all. */
    private static void checkAscii(String input, String name) {
        String body = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (body.length() > 253) {
            throw invalid(input, "is longer than 253 characters: not a DNS name", List.of());
        }
        String[] labels = body.split("\\.", -1);
        List<String> nonEmpty = new ArrayList<>();
        boolean empty = false;
        for (String label : labels) {
            if (label.isEmpty()) {
                empty = true;
            } else {
                nonEmpty.add(label);
            }
        }
        if (empty) {
            String fixed = String.join(".", nonEmpty);
            throw invalid(
                    input,
                    "has an empty label (a leading dot or two dots in a row)"
                            + (fixed.isEmpty() ? "" : "; did you mean " + quote(fixed) + "?"),
                    bareOrNone(fixed));
        }
        for (String label : labels) {
            if (label.length() > 63) {
                throw invalid(input, "has a label longer than 63 characters: not a DNS name", List.of());
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c == '*') {
                    throw invalid(
                            input,
                            "is a wildcard pattern: a client connects to a concrete name " + "(e.g. www."
                                    + body.substring(body.indexOf('.') + 1) + ")",
                            List.of());
                }
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    throw invalid(
                            input, "contains " + describe(c) + ", which is not allowed in a host name", List.of());
                }
            }
        }
    }

    /** "host" from "host:443" / "[v6]" from "[v6]:443"; the text itself when it has no port. */
    private static String withoutPort(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.indexOf(':') != colon) {
            return authority;
        }
        String port = authority.substring(colon + 1);
        return port.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? authority.substring(0, colon) : authority;
    }

    private static List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        for (String p : LIST_SEPARATORS.split(text)) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The bare name suggested for {@code text}, if it parses; else nothing. */
    private static List<String> bareOrNone(String text) {
        try {
            return List.of(parse(text).value());
        } catch (InvalidHostNameException e) {
            return List.of();
        }
    }

    private static String suggestion(String head) {
        List<String> s = bareOrNone(head);
        return s.isEmpty() ? "the bare host name" : quote(s.get(0));
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Only letters, digits, '-', '_' and '.', with a character beside digits and dots: no list separator, space,
     * scheme, path, port or IP literal (§3.4: an IPv4 literal is digits and dots, an IPv6 one has colons), so
     * {@link #parse} reaches {@link #bare}'s ASCII check with the text as given.
     */
    private static boolean isPlainDnsName(String text) {
        boolean notIp = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
                notIp = true;
            } else if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return notIp;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) { // a loop: a stream costs more than the check for a short name
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static InvalidHostNameException invalid(String input, String problem, List<String> suggestions) {
        return new InvalidHostNameException(input, quote(input) + " " + problem, suggestions);
    }
}
