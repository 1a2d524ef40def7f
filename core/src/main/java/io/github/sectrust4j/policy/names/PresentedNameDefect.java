package io.github.sectrust4j.policy.names;

/**
 * Why a presented name was not compared with the reference host: dropped by the DNS-syntax filter
 * of spec §3.2, unreadable (§3.1 steps 1 and 3), or a subject CN the rules do not consult (§3.1
 * step 4, §3.6). Evidence for findings; stable constant names.
 */
public enum PresentedNameDefect {
    /** The SAN dNSName entries were not valid UTF-8, which aborts SAN parsing (§3.1 step 1). */
    SAN_NOT_DECODABLE("the SAN dNSName entries could not be decoded, so none is used"),
    EMPTY("the name is empty"),
    TOO_LONG("the name is longer than 255 characters"),
    LABEL_TOO_LONG("a label is longer than 63 characters"),
    INVALID_CHARACTER("only ASCII letters, digits, '-', '_', '.' and '*' are allowed (use the punycode A-label form)"),
    EMPTY_LABEL("the name has an empty label (leading, trailing or consecutive dots)"),
    LABEL_STARTS_WITH_HYPHEN("a label starts with '-'"),
    LABEL_ENDS_WITH_HYPHEN("a label ends with '-'"),
    NO_LETTER_IN_LAST_LABEL("the right-most label has no letter, so it looks like an IP address"),
    /** A SAN iPAddress entry that is not 4 or 16 bytes; it makes every SAN IP unusable (§3.1 step 3). */
    INVALID_IP_ADDRESS_LENGTH("an iPAddress entry is neither 4 nor 16 bytes, so no SAN IP address is used"),
    /** The subject CN is never consulted from iOS 13 on (§3.1 step 4). */
    COMMON_NAME_IGNORED("the subject CN is not consulted since iOS 13"),
    /** Before iOS 13 the CN is consulted only when the SAN has no (usable) dNSName (§3.6). */
    COMMON_NAME_NOT_NEEDED("the subject CN is consulted only when the SAN has no usable dNSName");

    private final String explanation;

    PresentedNameDefect(String explanation) {
        this.explanation = explanation;
    }

    /** A short human explanation of the defect. */
    public String explanation() {
        return explanation;
    }
}
