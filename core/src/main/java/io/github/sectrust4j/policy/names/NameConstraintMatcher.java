package io.github.sectrust4j.policy.names;

import io.github.sectrust4j.text.AsciiCase;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whether one name lies within one name-constraint subtree, per name form (spec §2.3, RFC 5280
 * §4.2.1.10). Total: malformed input gives {@link Within#UNDECIDABLE}, never an exception; the
 * caller fails closed on it.
 */
final class NameConstraintMatcher {

    enum Within {
        YES,
        NO,
        /** The name or the subtree is malformed (bad IP length, unparseable DN, URI without host...). */
        UNDECIDABLE
    }

    private NameConstraintMatcher() {}

    static Within within(GeneralNameValue name, GeneralNameValue subtree) {
        if (name.type() != subtree.type()) {
            return Within.NO;
        }
        try {
            switch (name.type()) {
                case DNS:
                    return dnsWithin(name.text(), subtree.text());
                case EMAIL:
                    return emailWithin(name.text(), subtree.text());
                case URI:
                    return uriWithin(name.text(), subtree.text());
                case IP:
                    return ipWithin(name.rawBytes(), subtree.rawBytes());
                default:
                    return dnWithin(name.rawBytes(), subtree.rawBytes());
            }
        } catch (RuntimeException malformed) {
            // BC and string handling on adversarial input: never propagate (rules: no uncaught exceptions)
            return Within.UNDECIDABLE;
        }
    }

    /**
     * DNS: "example.com" matches itself and any subdomain but not "badexample.com"; ".example.com"
     * matches subdomains only; an empty constraint matches every name; ASCII letters fold.
     */
    static Within dnsWithin(String name, String constraint) {
        if (constraint.isEmpty()) {
            return Within.YES;
        }
        int n = name.length();
        int c = constraint.length();
        boolean suffix = constraint.startsWith(".") ? n > c : n == c || (n > c && name.charAt(n - c - 1) == '.');
        return suffix ? foldedEquals(name, n - c, constraint) : unlessUnicode(Within.NO, name, constraint);
    }

    /**
     * {@code name[from..]} equals {@code constraint} with ASCII letters folded. Apple compares these with
     * Core Foundation's Unicode case folding (nameconstraints.c, {@code kCFCompareCaseInsensitive}), which
     * can make non-ASCII text equal to ASCII (Kelvin sign, long s, ß and "ss"); where either side holds a
     * non-ASCII character and ASCII folding says "different", the answer is undecidable, so a permitted
     * subtree does not admit it and an excluded one does exclude it (the caller fails closed).
     */
    private static Within foldedEquals(String name, int from, String constraint) {
        return AsciiCase.regionEquals(name, from, constraint, 0, constraint.length())
                ? Within.YES
                : unlessUnicode(Within.NO, name, constraint);
    }

    private static Within unlessUnicode(Within asciiAnswer, String name, String constraint) {
        return AsciiCase.hasNonAscii(name) || AsciiCase.hasNonAscii(constraint) ? Within.UNDECIDABLE : asciiAnswer;
    }

    /**
     * E-mail: a constraint with '@' is a full address (exact, case-insensitive); ".domain" matches
     * any address whose host is inside the domain; otherwise the host part must equal the constraint.
     */
    static Within emailWithin(String address, String constraint) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Within.UNDECIDABLE;
        }
        if (constraint.indexOf('@') >= 0) {
            return address.length() == constraint.length()
                    ? foldedEquals(address, 0, constraint)
                    : unlessUnicode(Within.NO, address, constraint);
        }
        return hostWithin(address.substring(at + 1), constraint);
    }

    /** A host against a host ("exact") or ".domain" (subdomains only) constraint; empty matches all. */
    private static Within hostWithin(String host, String c) {
        if (c.isEmpty()) {
            return Within.YES;
        }
        boolean candidate = c.startsWith(".") ? host.length() > c.length() : host.length() == c.length();
        return candidate ? foldedEquals(host, host.length() - c.length(), c) : unlessUnicode(Within.NO, host, c);
    }

    /** URI: the host part of the URI against a host ("exact") or ".domain" (subdomains) constraint. */
    static Within uriWithin(String uri, String constraint) {
        Optional<String> host = uriHost(uri);
        if (host.isEmpty()) {
            return Within.UNDECIDABLE;
        }
        return hostWithin(host.get(), constraint);
    }

    /** Host of "scheme://[userinfo@]host[:port][/...]"; empty when there is none. */
    static Optional<String> uriHost(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0 || !uri.startsWith("//", colon + 1)) {
            return Optional.empty();
        }
        int start = colon + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String authority = uri.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(0, close + 1);
        } else {
            int port = authority.indexOf(':');
            host = port >= 0 ? authority.substring(0, port) : authority;
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** IP: address/mask; IPv4 names only against 8-byte subtrees, IPv6 only against 32-byte ones. */
    static Within ipWithin(byte[] address, byte[] subtree) {
        boolean nameOk = address.length == 4 || address.length == 16;
        boolean subtreeOk = subtree.length == 8 || subtree.length == 32;
        if (!nameOk || !subtreeOk) {
            return Within.UNDECIDABLE;
        }
        if (address.length * 2 != subtree.length) {
            return Within.NO; // IPv4 and IPv6 never match each other
        }
        int n = address.length;
        for (int i = 0; i < n; i++) {
            int mask = subtree[n + i] & 0xff;
            if ((address[i] & mask) != (subtree[i] & mask)) { // int promotion: masked to 8 bits by mask
                return Within.NO;
            }
        }
        return Within.YES;
    }

    /**
     * DN: subtree prefix match over the RDN sequence; RDNs compared with Bouncy Castle's RFC 4518-style
     * normalisation ({@link IETFUtils#rDNAreEqual}). An empty subtree DN matches every DN.
     */
    static Within dnWithin(byte[] nameDer, byte[] subtreeDer) {
        Optional<RDN[]> name = rdns(nameDer);
        Optional<RDN[]> base = rdns(subtreeDer);
        if (name.isEmpty() || base.isEmpty()) {
            return Within.UNDECIDABLE;
        }
        RDN[] n = name.get();
        RDN[] b = base.get();
        if (b.length > n.length) {
            return Within.NO;
        }
        for (int i = 0; i < b.length; i++) {
            if (!IETFUtils.rDNAreEqual(b[i], n[i])) {
                return Within.NO;
            }
        }
        return Within.YES;
    }

    static Optional<RDN[]> rdns(byte[] der) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            return Optional.of(X500Name.getInstance(p).getRDNs());
        } catch (Exception | StackOverflowError malformed) {
            return Optional.empty();
        }
    }

    static String render(GeneralNameValue v) {
        switch (v.type()) {
            case IP: {
                byte[] b = v.rawBytes();
                if (b.length == 8 || b.length == 32) {
                    byte[] addr = java.util.Arrays.copyOfRange(b, 0, b.length / 2);
                    byte[] mask = java.util.Arrays.copyOfRange(b, b.length / 2, b.length);
                    return IpLiteral.render(addr).orElseThrow() + "/"
                            + IpLiteral.render(mask).orElseThrow();
                }
                return IpLiteral.render(b).orElse("hex:" + IpLiteral.hex(b));
            }
            case DIRECTORY: {
                try {
                    return X500Name.getInstance(ASN1Primitive.fromByteArray(v.rawBytes()))
                            .toString();
                } catch (Exception | StackOverflowError malformed) {
                    return "hex:" + IpLiteral.hex(v.rawBytes());
                }
            }
            default:
                return v.text();
        }
    }
}
