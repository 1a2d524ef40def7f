package io.github.sectrust4j.policy.names;

import java.util.Arrays;
import java.util.Objects;

/**
 * One GeneralName as a plain value — either a name a certificate carries or the base of a
 * name-constraint subtree (spec §2.3). Text forms (DNS, e-mail, URI) carry {@link #text()}; binary
 * forms (IP, directory name) carry {@link #bytes()}. Immutable.
 */
public final class GeneralNameValue {
    private final NameType type;
    private final String text;
    private final byte[] bytes;

    private GeneralNameValue(NameType type, String text, byte[] bytes) {
        this.type = Objects.requireNonNull(type, "type");
        this.text = text;
        this.bytes = bytes;
    }

    public static GeneralNameValue dns(String name) {
        return new GeneralNameValue(NameType.DNS, Objects.requireNonNull(name, "name"), null);
    }

    public static GeneralNameValue email(String address) {
        return new GeneralNameValue(NameType.EMAIL, Objects.requireNonNull(address, "address"), null);
    }

    public static GeneralNameValue uri(String uri) {
        return new GeneralNameValue(NameType.URI, Objects.requireNonNull(uri, "uri"), null);
    }

    /** An iPAddress: 4 or 16 octets for a name, 8 or 32 (address then mask) for a subtree. */
    public static GeneralNameValue ip(byte[] octets) {
        return new GeneralNameValue(
                NameType.IP, null, Objects.requireNonNull(octets, "octets").clone());
    }

    /** A directoryName given as the DER encoding of an X.501 Name. */
    public static GeneralNameValue directoryName(byte[] der) {
        return new GeneralNameValue(
                NameType.DIRECTORY, null, Objects.requireNonNull(der, "der").clone());
    }

    public NameType type() {
        return type;
    }

    /** The text of a DNS, e-mail or URI value; {@code null} for IP and directory names. */
    public String text() {
        return text;
    }

    /** A copy of the octets of an IP or directory name; {@code null} for text forms. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneralNameValue)) {
            return false;
        }
        GeneralNameValue other = (GeneralNameValue) o;
        return type == other.type && Objects.equals(text, other.text) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, Arrays.hashCode(bytes));
    }

    /** Readable form for evidence, e.g. {@code DNS:example.com}, {@code IP:10.0.0.0/255.0.0.0}, {@code DN:CN=x}. */
    @Override
    public String toString() {
        return type + ":" + NameConstraintMatcher.render(this);
    }
}
