package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signature checks of one evaluation, charged against its signature budget
 * ({@link io.github.sectrust4j.engine.PathBudget#maxSignatureChecks()}). Not thread-safe: one per
 * evaluation. Each distinct (child, issuer key) pair is charged once per evaluation.
 */
final class LinkSignatures {

    enum Verdict { VALID, INVALID, BUDGET_EXHAUSTED }

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** Bouncy Castle verification; never throws (any problem = does not verify). */
    static final BiPredicate<Certificate, Certificate> BOUNCY_CASTLE = (child, issuer) -> {
        if (child.isSynthetic()) {
            return false; // a synthetic anchor has no real signature to check
        }
        try {
            X509CertificateHolder holder = new X509CertificateHolder(child.der());
            ContentVerifierProvider p = new JcaContentVerifierProviderBuilder().setProvider(BC)
                    .build(SubjectPublicKeyInfo.getInstance(issuer.publicKey().spkiDer()));
            return holder.isSignatureValid(p);
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    };

    private final BiPredicate<Certificate, Certificate> verifier;
    private final int limit;
    private final Map<ByteBuffer, Boolean> verdicts = new HashMap<>();
    private final Map<Certificate, Boolean> selfSigned = new HashMap<>();
    private int used;
    private boolean exhausted;

    LinkSignatures(BiPredicate<Certificate, Certificate> verifier, int limit) {
        this.verifier = verifier;
        this.limit = limit;
    }

    /** Whether {@code child} is signed by {@code issuer}'s key. */
    Verdict verify(Certificate child, Certificate issuer) {
        ByteBuffer key = ByteBuffer.allocate(64).put(issuer.publicKey().spkiSha256()).put(child.sha256());
        key.flip();
        Boolean known = verdicts.get(key);
        if (known != null) {
            return known ? Verdict.VALID : Verdict.INVALID;
        }
        if (used >= limit) {
            exhausted = true;
            return Verdict.BUDGET_EXHAUSTED;
        }
        used++;
        boolean ok = verifier.test(child, issuer);
        verdicts.put(key, ok);
        return ok ? Verdict.VALID : Verdict.INVALID;
    }

    /**
     * Self-signed = self-issued (normalized names) and verifies with its own key; for a synthetic
     * anchor, the trust store's fact. A check the budget cannot pay for counts as not self-signed.
     */
    boolean isSelfSigned(Certificate c) {
        Boolean known = selfSigned.get(c);
        if (known != null) {
            return known;
        }
        boolean v;
        if (c.syntheticSelfSigned().isPresent()) {
            v = c.syntheticSelfSigned().get();
        } else {
            v = c.isSelfIssued() && verify(c, c) == Verdict.VALID;
        }
        if (!(c.isSelfIssued() && exhausted && !v)) {
            selfSigned.put(c, v);
        }
        return v;
    }

    int used() {
        return used;
    }

    int limit() {
        return limit;
    }

    boolean exhausted() {
        return exhausted;
    }
}
