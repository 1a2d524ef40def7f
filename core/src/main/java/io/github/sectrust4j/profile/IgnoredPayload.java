package io.github.sectrust4j.profile;

import static java.util.Objects.requireNonNull;

/**
 * A payload that installs no certificate (Wi-Fi, VPN, a PKCS #12 identity, ...): listed, not an error.
 *
 * @param type        its {@code PayloadType}
 * @param identifier  its {@code PayloadIdentifier}
 * @param displayName its {@code PayloadDisplayName} ("" when absent)
 * @param location    where it sits, e.g. {@code PayloadContent[1]}
 * @param reason      why it does not count, in words
 */
public record IgnoredPayload(String type, String identifier, String displayName, String location, String reason) {
    public IgnoredPayload {
        requireNonNull(type, "type");
        requireNonNull(identifier, "identifier");
        requireNonNull(displayName, "displayName");
        requireNonNull(location, "location");
        requireNonNull(reason, "reason");
    }
}
