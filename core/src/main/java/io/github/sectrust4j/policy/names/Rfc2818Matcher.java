package io.github.sectrust4j.policy.names;

import io.github.sectrust4j.text.AsciiCase;

/**
 * The character-level RFC 2818 matcher of iOS 8–9 (spec §3.6), a transcription of the old
 * {@code SecDNSMatch}: a {@code *} must be followed by {@code .} or end the presented name and
 * consumes reference characters up to and including the next dot (so it matches one label's worth,
 * possibly empty); everything else compares character by character, case-insensitively; a single
 * trailing dot on the reference is tolerated.
 */
final class Rfc2818Matcher {

    private Rfc2818Matcher() {}

    static boolean match(String host, String server) {
        int hlen = host.length();
        int slen = server.length();
        int hix = 0;
        for (int six = 0; six < slen; six++) {
            char sch = server.charAt(six);
            if (sch == '*') {
                if (six + 1 >= slen) {
                    // trailing '*': match to the end of the host or to a single trailing '.'
                    while (true) {
                        if (hix >= hlen) {
                            return true;
                        }
                        if (host.charAt(hix++) == '.') {
                            return hix == hlen;
                        }
                    }
                }
                if (server.charAt(++six) != '.') {
                    return false; // "*foo" form
                }
                while (true) {
                    if (hix >= hlen) {
                        return false;
                    }
                    if (host.charAt(hix++) == '.') {
                        break;
                    }
                }
            } else {
                if (hix >= hlen) {
                    return false;
                }
                char hch = host.charAt(hix++);
                if (!AsciiCase.charEquals(hch, sch)) {
                    return false;
                }
            }
        }
        if (hix < hlen) {
            return hix + 1 == hlen && host.charAt(hix) == '.';
        }
        return true;
    }
}
