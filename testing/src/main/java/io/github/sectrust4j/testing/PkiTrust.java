package io.github.sectrust4j.testing;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.fixtures.TestPki;

/**
 * A {@link SecTrust} on {@link TestPki}'s clock. Fixtures are minted around {@code pki.now()} (2025-06-01 by
 * default) and a {@code SecTrust} without {@code at(...)} evaluates at the wall clock, where every fixture
 * has long expired. ({@code TestPki} lives in {@code test-fixtures}, which core's own tests depend on, so it
 * cannot hand out a {@code SecTrust} itself.)
 *
 * <pre>{@code
 * TrustReport report = PkiTrust.secTrust(pki, "17.4").forServer("sip.contoso.com").evaluate(chain.pem());
 * }</pre>
 */
public final class PkiTrust {
    private PkiTrust() {}

    /** {@code SecTrust.ios(release).at(pki.now())}. */
    public static SecTrust secTrust(TestPki pki, String release) {
        return SecTrust.ios(release).at(pki.now());
    }

    /** The newest modelled release at {@code pki.now()}. */
    public static SecTrust secTrust(TestPki pki) {
        return SecTrust.newest().at(pki.now());
    }
}
