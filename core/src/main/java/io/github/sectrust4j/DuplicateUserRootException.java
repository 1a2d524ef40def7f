package io.github.sectrust4j;

import io.github.sectrust4j.cert.CertificateInput;
import java.util.stream.Collectors;

/**
 * The same certificate was given twice for the user trust store (e.g. once by MDM and once by a profile
 * with Deny). A device keeps one trust-settings row per certificate (§7.2), so the two entries are
 * contradictory input, not something to resolve silently by picking one.
 */
public final class DuplicateUserRootException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int firstIndex;
    private final int secondIndex;
    private final String first;
    private final String second;
    private final String certificate;

    DuplicateUserRootException(int firstIndex, UserRoot first, int secondIndex, UserRoot second) {
        this(
                firstIndex,
                describe(first),
                secondIndex,
                describe(second),
                "'" + CertificateInput.fromCert(first.certificate()).subject() + "' (SHA-256 "
                        + first.certificate().sha256Hex() + ")");
    }

    private DuplicateUserRootException(
            int firstIndex, String first, int secondIndex, String second, String certificate) {
        super(message(
                "user trust store entry " + firstIndex + " (" + first + ")",
                "entry " + secondIndex + " (" + second + ")",
                certificate));
        this.firstIndex = firstIndex;
        this.secondIndex = secondIndex;
        this.first = first;
        this.second = second;
        this.certificate = certificate;
    }

    /** 0-based position of the earlier entry among the user-store entries, in the order they were added. */
    public int firstIndex() {
        return firstIndex;
    }

    /** 0-based position of the later, refused entry. */
    public int secondIndex() {
        return secondIndex;
    }

    /** The message with the two entries named by the caller (a batch field, a command-line option). */
    public String messageNaming(String firstEntry, String secondEntry) {
        return message(firstEntry + " (" + first + ")", secondEntry + " (" + second + ")", certificate);
    }

    private static String message(String firstEntry, String secondEntry, String certificate) {
        return firstEntry + " and " + secondEntry + " are the same certificate " + certificate
                + ": a device keeps one trust-settings row per certificate (§7.2); give it once, with the settings "
                + "it should have";
    }

    private static String describe(UserRoot u) {
        String how = u.channel() == InstallChannel.MDM ? "mdm" : "profile";
        if (u.trustSettings().isPresent()) {
            return how + ", trust settings "
                    + u.trustSettings().get().stream()
                            .map(s -> s.result().label())
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        return u.channel() == InstallChannel.PROFILE && u.fullTrust() == FullTrust.ON ? how + ", full trust" : how;
    }

    /** Refuses {@code added} if its certificate is already among {@code existing}. */
    static void check(Iterable<UserRoot> existing, UserRoot added, int addedIndex) {
        int i = 0;
        for (UserRoot u : existing) {
            if (u.certificate().equals(added.certificate())) {
                throw new DuplicateUserRootException(i, u, addedIndex, added);
            }
            i++;
        }
    }
}
