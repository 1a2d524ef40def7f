package io.github.sectrust4j.cli;

import io.github.sectrust4j.HostName;
import io.github.sectrust4j.InvalidHostNameException;
import io.github.sectrust4j.LyncExternalNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The host names of {@code evaluate}: {@code --host} (repeatable), {@code --lync DOMAIN} (the Lync /
 * Skype for Business external names) and {@code --names FILE}, each checked by {@link HostName}; a
 * name that is not one is an {@link InputError} naming the option (or file and line).
 */
final class HostOptions {
    /** Most names one run takes from --names (each name is evaluated once per release). */
    static final int MAX_NAMES = 10_000;

    private HostOptions() {}

    /** All names in option order (--host, --lync, --names), repeats dropped. */
    static List<HostName> all(List<String> hosts, List<String> lyncDomains, Path namesFile) {
        LinkedHashSet<HostName> out = new LinkedHashSet<>();
        for (String h : hosts) {
            out.add(parse("--host", h));
        }
        for (String d : lyncDomains) {
            try {
                out.addAll(LyncExternalNames.of(d));
            } catch (InvalidHostNameException e) {
                throw new InputError("--lync: " + e.getMessage());
            }
        }
        if (namesFile != null) {
            out.addAll(namesFile(namesFile.toString(), InputFiles.read(namesFile, "--names")));
        }
        return List.copyOf(out);
    }

    /** One host name; blank is "empty" as before, anything else {@link HostName#parse}'s verdict. */
    static HostName parse(String field, String text) {
        if (text.isBlank()) {
            throw new InputError(field + ": empty");
        }
        try {
            return HostName.parse(text);
        } catch (InvalidHostNameException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    /**
     * A batch request's {@code host}: as {@link #parse}, but a URL is an input error naming the bare host
     * (a pipeline sends what it means; rewriting its field silently would hide its bug).
     */
    static HostName batch(String field, String text) {
        HostName h = parse(field, text);
        if (h.fromUrl()) {
            throw new InputError(
                    field + ": '" + text + "' is a URL, not a host name: give the bare host name '" + h.value() + "'");
        }
        return h;
    }

    /** One name per line; '#' starts a comment; blank lines are skipped. */
    static List<HostName> namesFile(String file, byte[] bytes) {
        List<HostName> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (out.size() == MAX_NAMES) {
                throw new InputError("--names " + file + ": more than " + MAX_NAMES + " names");
            }
            out.add(parse("--names " + file + " line " + (i + 1), name));
        }
        if (out.isEmpty()) {
            throw new InputError("--names " + file + ": no host name in the file (one per line, # starts a comment)");
        }
        return out;
    }
}
