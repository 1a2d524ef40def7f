package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable in-memory {@link RevocationDatabase}, seeded with {@link #builder()}. Thread-safe. */
public final class InMemoryRevocationDatabase implements RevocationDatabase {
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, ValidGroup> groupsByIssuer;
    private final Set<String> members;

    private InMemoryRevocationDatabase(Map<String, ValidGroup> groupsByIssuer, Set<String> members) {
        this.groupsByIssuer = Map.copyOf(groupsByIssuer);
        this.members = Set.copyOf(members);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ValidGroup> groupForIssuer(byte[] issuerSha256) {
        return Optional.ofNullable(groupsByIssuer.get(HEX.formatHex(issuerSha256)));
    }

    @Override
    public boolean serialOnList(ValidGroup group, byte[] serial) {
        return members.contains(group.id() + "/s/" + HEX.formatHex(serial));
    }

    @Override
    public boolean hashOnList(ValidGroup group, byte[] certificateSha256) {
        return members.contains(group.id() + "/h/" + HEX.formatHex(certificateSha256));
    }

    /** Seeds groups, issuers and list members. */
    public static final class Builder {
        private final Map<Long, ValidGroup> groups = new HashMap<>();
        private final Map<String, ValidGroup> groupsByIssuer = new HashMap<>();
        private final Set<String> members = new HashSet<>();

        private Builder() {}

        /** Adds {@code group} with the issuers (SHA-256 of issuer certificate DER) mapped to it. */
        public Builder group(ValidGroup group, byte[]... issuerSha256s) {
            requireNonNull(group, "group");
            groups.put(group.id(), group);
            for (byte[] issuer : issuerSha256s) {
                groupsByIssuer.put(HEX.formatHex(issuer), group);
            }
            return this;
        }

        public Builder serial(long groupId, byte[] serial) {
            requireGroup(groupId);
            members.add(groupId + "/s/" + HEX.formatHex(serial));
            return this;
        }

        public Builder certificateHash(long groupId, byte[] certificateSha256) {
            requireGroup(groupId);
            members.add(groupId + "/h/" + HEX.formatHex(certificateSha256));
            return this;
        }

        private void requireGroup(long groupId) {
            if (!groups.containsKey(groupId)) {
                throw new IllegalArgumentException("no group " + groupId + " added yet");
            }
        }

        public InMemoryRevocationDatabase build() {
            return new InMemoryRevocationDatabase(groupsByIssuer, members);
        }
    }
}
