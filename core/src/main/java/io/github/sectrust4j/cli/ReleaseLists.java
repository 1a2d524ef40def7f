package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.IosRelease;
import java.util.ArrayList;
import java.util.List;

/**
 * Several iOS releases in one run: {@code --ios 10.2,10.3,17.4} or {@code --ios all-major} (the newest
 * modelled minor of each major, {@link IosRelease#latestOfEachMajor()}), and a batch request's {@code ios}
 * array. Order is kept as given.
 */
final class ReleaseLists {
    static final String ALL_MAJOR = "all-major";
    /** More releases than are modelled is a mistake, not a request. */
    static final int MAX_RELEASES = 100;

    private ReleaseLists() {}

    /** The releases of a comma-separated option value (or {@value #ALL_MAJOR}). */
    static List<IosRelease> option(String field, String text) {
        if (text.strip().equals(ALL_MAJOR)) {
            return IosRelease.latestOfEachMajor();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_RELEASES) {
            throw new InputError(field + ": more than " + MAX_RELEASES + " releases");
        }
        List<IosRelease> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) {
                throw new InputError(field + ": empty release in '" + text + "' (expected e.g. 10.2,10.3,17.4 or "
                        + ALL_MAJOR + ")");
            }
            out.add(Inputs.ios(field, p.strip()));
        }
        return out;
    }

    /** A batch request's {@code ios} array: non-empty, every element a release string. */
    static List<IosRelease> json(String field, JsonNode array) {
        if (array.isEmpty()) {
            throw new InputError(field + ": empty array (expected at least one release, e.g. [\"10.2\", \"17.4\"])");
        }
        if (array.size() > MAX_RELEASES) {
            throw new InputError(field + ": more than " + MAX_RELEASES + " releases");
        }
        List<IosRelease> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            String element = field + "[" + i + "]";
            if (!v.isTextual()) {
                throw new InputError(
                        element + ": expected a string such as \"17.4\", got " + BatchRequestParser.describe(v));
            }
            out.add(Inputs.ios(element, v.textValue()));
        }
        return out;
    }
}
