package io.github.sectrust4j.cert;

import java.util.function.Supplier;

/**
 * For tests outside this package: runs code while {@code -Dsectrust4j.verifier} names {@code value} and no
 * backend is selected yet (as in a fresh process), then restores the property and the selection.
 */
public final class MisconfiguredVerifier {
    private MisconfiguredVerifier() {}

    /** {@code code}'s result, computed with the property set to {@code value}. */
    public static <T> T with(String value, Supplier<T> code) {
        String before = System.getProperty(SignatureBackends.PROPERTY);
        System.setProperty(SignatureBackends.PROPERTY, value);
        SignatureBackends.forgetSelection();
        try {
            return code.get();
        } finally {
            if (before == null) {
                System.clearProperty(SignatureBackends.PROPERTY);
            } else {
                System.setProperty(SignatureBackends.PROPERTY, before);
            }
            SignatureBackends.forgetSelection();
        }
    }
}
