package io.github.sectrust4j.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JDK message digests, cloned from never-used prototypes: cheaper than a provider lookup per hash. */
final class Digests {
    private static final Map<String, MessageDigest> PROTOTYPES = new ConcurrentHashMap<>();

    private Digests() {}

    /** One digest per thread for the one-shot hashes below ({@code digest(data)} leaves it reset): no clone per hash. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> fresh("SHA-256"));

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> fresh("SHA-1"));

    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    static byte[] sha1(byte[] data) {
        return SHA1.get().digest(data);
    }

    /**
     * A new digest of {@code jdkName} (SHA-1 and SHA-2 exist on every Java platform). The prototypes are
     * only ever cloned, never updated, so sharing them across threads is safe.
     */
    static MessageDigest fresh(String jdkName) {
        MessageDigest prototype = PROTOTYPES.computeIfAbsent(jdkName, Digests::instance);
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return instance(jdkName); // a provider whose digest cannot be cloned
        }
    }

    private static MessageDigest instance(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is required by every Java platform", e);
        }
    }
}
