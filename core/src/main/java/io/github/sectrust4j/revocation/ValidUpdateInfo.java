package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code ValidUpdate} property list shipped beside a Valid snapshot: which content version,
 * generation and update format the snapshot holds (spec §9.2: update format "G3").
 */
public record ValidUpdateInfo(long version, long generation, long format) {

    /** @throws IllegalArgumentException naming the path if it is not such a plist */
    public static ValidUpdateInfo read(Path plist) {
        requireNonNull(plist, "plist");
        NSObject root;
        try {
            root = PropertyListParser.parse(Files.readAllBytes(plist));
        } catch (Exception e) {
            throw new IllegalArgumentException("ValidUpdate plist " + plist + ": unreadable (" + e.getMessage() + ")", e);
        }
        if (!(root instanceof NSDictionary)) {
            throw new IllegalArgumentException("ValidUpdate plist " + plist + ": not a dictionary");
        }
        NSDictionary dict = (NSDictionary) root;
        return new ValidUpdateInfo(integer(dict, "Version", plist), integer(dict, "Generation", plist),
                integer(dict, "Format", plist));
    }

    private static long integer(NSDictionary dict, String key, Path plist) {
        NSObject value = dict.get(key);
        if (!(value instanceof NSNumber) || ((NSNumber) value).type() != NSNumber.INTEGER) {
            throw new IllegalArgumentException("ValidUpdate plist " + plist + ": no integer '" + key + "'");
        }
        return ((NSNumber) value).longValue();
    }
}
