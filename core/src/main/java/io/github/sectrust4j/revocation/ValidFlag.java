package io.github.sectrust4j.revocation;

import java.util.EnumSet;
import java.util.Set;

/** The flag bits of a Valid database group (spec §9.2). */
public enum ValidFlag {
    /** The list is complete. */
    COMPLETE(0x1),
    /** OCSP must be checked for certificates of this issuer. */
    CHECK_OCSP(0x2),
    /** CAs below this issuer must themselves be known issuers of the database. */
    KNOWN_INTERMEDIATES_ONLY(0x4),
    /** Certificates of this issuer must be CT-qualified. */
    REQUIRE_CT(0x8),
    /** The list is an allow list (otherwise a block list). Apple calls this bit "valid". */
    ALLOW_LIST(0x10),
    /** Deprecated form of {@link #NO_CA_V2}; ignored. */
    NO_CA(0x20),
    /** Failures are recoverable (gray-listed) instead of fatal. */
    OVERRIDABLE(0x40),
    DATE_CONSTRAINTS(0x80),
    NAME_CONSTRAINTS(0x100),
    POLICY_CONSTRAINTS(0x200),
    /** The database answer is final: no OCSP. */
    NO_CA_V2(0x400);

    private final int bit;

    ValidFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The flags set in {@code bits} (unknown bits are dropped). */
    public static Set<ValidFlag> fromBits(long bits) {
        Set<ValidFlag> set = EnumSet.noneOf(ValidFlag.class);
        for (ValidFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                set.add(flag);
            }
        }
        return set;
    }

    public static int toBits(Set<ValidFlag> flags) {
        int bits = 0;
        for (ValidFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }
}
