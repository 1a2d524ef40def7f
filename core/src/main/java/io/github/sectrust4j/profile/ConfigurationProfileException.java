package io.github.sectrust4j.profile;

/**
 * Bytes that are not a configuration profile iOS would install (not a property list, not a {@code Configuration}
 * dictionary, a missing required key, an unreadable certificate payload, an encrypted profile, damaged CMS): the
 * message says which and where, e.g. {@code PayloadContent[1] (com.apple.security.root): PayloadContent is not a
 * DER certificate: ...}.
 */
public final class ConfigurationProfileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigurationProfileException(String message) {
        super(message);
    }
}
