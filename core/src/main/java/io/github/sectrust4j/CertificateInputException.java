package io.github.sectrust4j;

/**
 * A certificate given to the library could not be read: bad PEM/base64, malformed or truncated DER,
 * an unsupported structure, or a certificate iOS itself could not parse (§14.2 step 1: such input
 * makes the whole evaluation an input error, never a "trusted" result).
 */
public class CertificateInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final String reason;

    /**
     * @param index  0-based position of the PEM block / list element, or -1 when not applicable
     * @param reason what is wrong, without position prefix
     * @param message the full message (position prefix + reason)
     */
    public CertificateInputException(int index, String reason, String message) {
        super(message);
        this.index = index;
        this.reason = reason;
    }

    public CertificateInputException(String reason) {
        this(-1, reason, reason);
    }

    /** 0-based position of the offending PEM block or list element; -1 if not applicable. */
    public int index() {
        return index;
    }

    /** The cause in words, without the "chain[i] (PEM block n)" prefix. */
    public String reason() {
        return reason;
    }
}
