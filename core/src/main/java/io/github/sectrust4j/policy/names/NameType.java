package io.github.sectrust4j.policy.names;

/** The GeneralName forms that name constraints support on iOS (spec §2.3 item 6). */
public enum NameType {
    /** dNSName. */
    DNS,
    /** rfc822Name, and e-mail attributes of the subject DN. */
    EMAIL,
    /** uniformResourceIdentifier. */
    URI,
    /** iPAddress: 4/16 bytes as a name, 8/32 bytes (address + mask) as a subtree. */
    IP,
    /** directoryName (DER of a Name). */
    DIRECTORY
}
