package io.github.sectrust4j.truststores;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A CT log list in the JSON format Apple publishes as its current list
 * ({@code https://valid.apple.com/ct/log_list/current_log_list.json}, schema v3–v5, the shape of
 * Google's v3 list) read at run time, as opposed to the lists shipped with a trust-store version.
 * Read with {@link io.github.sectrust4j.truststores.tool.CtLogListReader#published(Object)}.
 *
 * @param schema        the {@code $schema} URL ("" if absent)
 * @param version       the list's {@code version} ("" if absent)
 * @param assetVersion  Apple's {@code assetVersion}, or -1
 * @param timestamp     {@code log_list_timestamp} when the list has one (Google's lists do, Apple's do not)
 * @param logs          every log, in log-id order, states mapped as for the shipped lists
 */
public record PublishedCtLogList(
        String schema, String version, int assetVersion, Optional<Instant> timestamp, List<CtLog> logs) {
    public PublishedCtLogList {
        requireNonNull(schema, "schema");
        requireNonNull(version, "version");
        requireNonNull(timestamp, "timestamp");
        logs = List.copyOf(logs);
    }
}
