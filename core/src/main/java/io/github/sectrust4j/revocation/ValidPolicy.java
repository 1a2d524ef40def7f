package io.github.sectrust4j.revocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The usage types a Valid group's policy constraints may allow (spec §9.2). */
public enum ValidPolicy {
    ANY(0),
    SERVER_AUTHENTICATION(1),
    CLIENT_AUTHENTICATION(2),
    EMAIL_PROTECTION(3),
    CODE_SIGNING(4),
    TIME_STAMPING(5);

    private final int code;

    ValidPolicy(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * Decodes a group's {@code policies} blob: one count byte followed by exactly that many policy
     * bytes. Anything else is invalid, and — as on iOS — an invalid blob constrains nothing (empty).
     */
    public static Optional<List<ValidPolicy>> decode(byte[] blob) {
        if (blob == null || blob.length == 0 || blob[0] < 0 || blob[0] != blob.length - 1) {
            return Optional.empty();
        }
        List<ValidPolicy> list = new ArrayList<>();
        for (int i = 1; i < blob.length; i++) {
            for (ValidPolicy policy : values()) {
                if (policy.code == blob[i]) {
                    list.add(policy);
                }
            }
        }
        return Optional.of(List.copyOf(list));
    }

    /** Encodes {@code policies} the way {@link #decode} reads them. */
    public static byte[] encode(List<ValidPolicy> policies) {
        byte[] blob = new byte[policies.size() + 1];
        blob[0] = (byte) policies.size();
        for (int i = 0; i < policies.size(); i++) {
            blob[i + 1] = (byte) policies.get(i).code;
        }
        return blob;
    }
}
