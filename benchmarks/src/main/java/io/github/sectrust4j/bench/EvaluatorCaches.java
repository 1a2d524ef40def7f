package io.github.sectrust4j.bench;

import com.google.common.cache.Cache;
import io.github.sectrust4j.cert.CachingSignatureVerifier;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.cert.SignatureBackend;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.cert.VerdictCache;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The evaluator's process-wide signature caches, reached by reflection (they are deliberately not
 * public API): the bounded verdict cache keyed by (issuer SPKI, certificate) in front of the
 * verifier, the signature backend's cache of decoded issuer keys (and Bouncy Castle's, a native
 * backend's fallback), and the SCT verdict cache. Select the backend before {@link #install()}.
 *
 * <p>How the COLD benchmark stays cold: before every invocation (JMH {@code Level.Invocation}, outside
 * the measured time) {@link #clear()} empties both caches, so the evaluation parses fresh certificates,
 * decodes both issuer keys and runs both signature verifications, exactly as the first evaluation of
 * a chain in a process would (JIT warm). Cycling through distinct chains alone would not do: the
 * verdict cache holds 10,000 entries, more than the corpus has links.
 *
 * <p>{@link #install()} also wraps the verifier behind the verdict cache in a counter, so a run can
 * report how many signature verifications (cache misses) one evaluation performs.
 */
final class EvaluatorCaches {
    private static final String SHARED_HOLDER = "io.github.sectrust4j.path.LinkSignatures";
    private static final String SCT_CACHE = "io.github.sectrust4j.ct.internal.CachingSctVerifier";

    private final CachingSignatureVerifier shared;
    private final VerdictCache verdicts;
    /** The decoded-key caches of the signature backend in use and of Bouncy Castle (its fallback). */
    private final java.util.List<Cache<?, ?>> keys;

    private final CountingVerifier counter;
    /** The process-wide SCT verdict cache and its methods (package-private in core). */
    private final Object sctCache;

    private final Method sctClear;
    private final Method sctVerifications;

    /** Counts the verifications that reach the real verifier (verdict-cache misses). */
    static final class CountingVerifier implements SignatureVerifier {
        private final SignatureVerifier delegate;
        private final AtomicLong count = new AtomicLong();

        CountingVerifier(SignatureVerifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
            count.incrementAndGet();
            return delegate.verifies(child, issuerKey);
        }

        SignatureVerifier delegate() {
            return delegate;
        }
    }

    private EvaluatorCaches(
            CachingSignatureVerifier shared,
            VerdictCache verdicts,
            java.util.List<Cache<?, ?>> keys,
            CountingVerifier counter)
            throws ReflectiveOperationException {
        this.shared = shared;
        this.verdicts = verdicts;
        this.keys = keys;
        this.counter = counter;
        Class<?> sct = Class.forName(SCT_CACHE);
        this.sctCache = field(sct, "SHARED").get(null);
        this.sctClear = method(sct, "clear");
        this.sctVerifications = method(sct, "verifications");
    }

    /** Finds the evaluator's shared verifier and puts the counter behind its verdict cache (idempotent). */
    static synchronized EvaluatorCaches install() {
        try {
            CachingSignatureVerifier shared = sharedVerifier();
            Field delegateField = field(CachingSignatureVerifier.class, "delegate");
            Object delegate = delegateField.get(shared);
            CountingVerifier counter;
            if (delegate instanceof CountingVerifier c) {
                counter = c;
            } else {
                counter = new CountingVerifier((SignatureVerifier) delegate);
                delegateField.set(shared, counter);
            }
            VerdictCache verdicts = (VerdictCache)
                    field(CachingSignatureVerifier.class, "verdicts").get(shared);
            java.util.List<Cache<?, ?>> keys = new java.util.ArrayList<>();
            for (SignatureBackend b : java.util.stream.Stream.of(
                            SignatureBackends.current(), SignatureBackend.bouncyCastle())
                    .distinct()
                    .toList()) {
                keys.add((Cache<?, ?>) field(b.getClass(), "keys").get(b));
            }
            return new EvaluatorCaches(shared, verdicts, keys, counter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the evaluator's signature caches (did their home move?)", e);
        }
    }

    private static CachingSignatureVerifier sharedVerifier() throws ReflectiveOperationException {
        Class<?> holder = Class.forName(SHARED_HOLDER);
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && SignatureVerifier.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                if (f.get(null) instanceof CachingSignatureVerifier c) {
                    return c;
                }
            }
        }
        throw new NoSuchFieldException("no static CachingSignatureVerifier in " + SHARED_HOLDER);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        Method m = type.getDeclaredMethod(name);
        m.setAccessible(true);
        return m;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Empties the certificate verdict cache, the decoded-key cache and the SCT verdict cache. */
    void clear() {
        verdicts.clear();
        keys.forEach(Cache::invalidateAll);
        clearSctVerdicts();
    }

    /** Empties the SCT verdict cache only. */
    void clearSctVerdicts() {
        try {
            sctClear.invoke(sctCache);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SCT signatures verified (SCT verdict-cache misses) in this process. */
    long sctVerifications() {
        try {
            return (Long) sctVerifications.invoke(sctCache);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check through the shared verdict cache (fills it as an evaluation would). */
    boolean verifyThroughCache(Certificate child, Certificate issuer) {
        return shared.verifies(child, issuer.publicKey());
    }

    /** Signature verifications that ran the cryptography since the counter was installed. */
    long verifications() {
        return counter.count.get();
    }

    long cachedVerdicts() {
        return shared.cachedVerdicts();
    }
}
