package io.github.sectrust4j.policy.names;

import java.util.HexFormat;
import java.util.Optional;

/**
 * IP literal rendering for host-name matching and reports (spec §3.4); the reference host is parsed by
 * {@link io.github.sectrust4j.request.ReferenceHost}.
 */
final class IpLiteral {

    private IpLiteral() {}

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
            return Optional.of((address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff));
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
