package io.github.sectrust4j.revocation;

import java.util.Optional;

/** How a Valid group stores its member list (spec §9.2). */
public enum ValidFormat {
    /** Serial numbers (unsigned magnitude without leading zero octets, at most 20). Table {@code serials}. */
    SERIAL(1),
    /** SHA-256 of the certificate DER. Table {@code hashes}. */
    SHA256(2),
    /** A Bloom-style filter over serial numbers in the group's {@code data}: hits are only "possibly". */
    FILTER(3);

    private final int code;

    ValidFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ValidFormat> of(int code) {
        for (ValidFormat format : values()) {
            if (format.code == code) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
