package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.plist.StrictPlist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code ValidUpdate} property list shipped beside a Valid snapshot: which content version,
 * generation and update format the snapshot holds (spec §9.2: update format "G3").
 */
public record ValidUpdateInfo(long version, long generation, long format) {

    /** @throws IllegalArgumentException naming the path if it is not such a plist */
    public static ValidUpdateInfo read(Path plist) {
        requireNonNull(plist, "plist");
        Object root;
        try {
            root = StrictPlist.read(Files.readAllBytes(plist));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException(
                    "ValidUpdate plist " + plist + ": unreadable (" + e.getMessage() + ")", e);
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("ValidUpdate plist " + plist + ": not a dictionary");
        }
        return new ValidUpdateInfo(
                integer(dict, "Version", plist), integer(dict, "Generation", plist), integer(dict, "Format", plist));
    }

    private static long integer(Map<?, ?> dict, String key, Path plist) {
        if (!(dict.get(key) instanceof Long value)) {
            throw new IllegalArgumentException("ValidUpdate plist " + plist + ": no integer '" + key + "'");
        }
        return value;
    }
}
