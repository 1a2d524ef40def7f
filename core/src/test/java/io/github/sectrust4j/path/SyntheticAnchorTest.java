package io.github.sectrust4j.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.NameConstraints;
import io.github.sectrust4j.truststores.AnchorGroup;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Certificate#fromAnchorFacts}: a synthetic anchor built from the trust store's facts of a
 * real Apple root agrees with the parsed real certificate on every accessor the checks use (§14.1).
 */
class SyntheticAnchorTest {

    @Test
    void syntheticAnchorFromFacts_agreesWithRealCertificate_onEveryCheckedAccessor() throws Exception {
        AppleTrustStore store = AppleTrustStores.latest();
        // every certificate of every bundled store (v1 roots, MD2/MD5/SHA-1 roots, removed ones, ...)
        java.util.Map<String, AnchorRecord> unique = new java.util.TreeMap<>();
        for (var info : AppleTrustStores.versions()) {
            AppleTrustStore s = AppleTrustStores.version(info.trustStoreVersion());
            for (AnchorGroup g : AnchorGroup.values()) {
                s.members(g).forEach(r -> unique.putIfAbsent(r.sha256Hex(), r));
            }
        }
        List<AnchorRecord> records = new ArrayList<>(unique.values());
        int compared = 0;
        for (AnchorRecord facts : records) {
            Path file = SharedData.appleRoots().resolve(facts.sha256Hex() + ".cer");
            if (!Files.exists(file)) {
                continue;
            }
            Certificate real = Certificate.parse(Files.readAllBytes(file));
            if (!java.util.Arrays.equals(real.sha256(), facts.sha256())) {
                continue; // Apple's file name is an alias for a differently encoded copy
            }
            Certificate synthetic = Certificate.fromAnchorFacts(facts);
            String what = facts.toString();
            assertThat(synthetic.isSynthetic()).as(what).isTrue();
            assertThat(real.isSynthetic()).as(what).isFalse();
            assertThat(synthetic.sha256()).as(what).isEqualTo(real.sha256());
            assertThat(synthetic.sha1()).as(what).isEqualTo(real.sha1());
            assertThat(synthetic).as(what).isEqualTo(real).hasSameHashCodeAs(real);
            assertThat(synthetic.subject()).as(what).isEqualTo(real.subject());
            assertThat(synthetic.issuer()).as(what).isEqualTo(real.issuer());
            assertThat(synthetic.normalizedSubject()).as(what).isEqualTo(real.normalizedSubject());
            assertThat(synthetic.normalizedIssuer()).as(what).isEqualTo(real.normalizedIssuer());
            assertThat(synthetic.isSelfIssued()).as(what).isEqualTo(real.isSelfIssued());
            assertThat(synthetic.serialNumber()).as(what).isEqualTo(real.serialNumber());
            assertThat(synthetic.serialNumberBytes()).as(what).isEqualTo(real.serialNumberBytes());
            assertThat(synthetic.version()).as(what).isEqualTo(real.version());
            assertThat(synthetic.notBefore()).as(what).isEqualTo(real.notBefore());
            assertThat(synthetic.notAfter()).as(what).isEqualTo(real.notAfter());
            assertThat(synthetic.publicKey()).as(what).isEqualTo(real.publicKey());
            assertThat(synthetic.publicKey().bits())
                    .as(what)
                    .isEqualTo(real.publicKey().bits());
            assertThat(synthetic.publicKey().isWeak())
                    .as(what)
                    .isEqualTo(real.publicKey().isWeak());
            assertThat(synthetic.basicConstraints()).as(what).isEqualTo(real.basicConstraints());
            assertThat(synthetic.isV3Ca()).as(what).isEqualTo(real.isV3Ca());
            assertThat(synthetic.keyUsage()).as(what).isEqualTo(real.keyUsage());
            assertThat(synthetic.subjectKeyIdentifier().map(HexFormat.of()::formatHex))
                    .as(what)
                    .isEqualTo(real.subjectKeyIdentifier().map(HexFormat.of()::formatHex));
            assertThat(synthetic.authorityKeyIdentifier().map(HexFormat.of()::formatHex))
                    .as(what)
                    .isEqualTo(real.authorityKeyIdentifier().map(HexFormat.of()::formatHex));
            // the facts carry no criticality: a synthetic nameConstraints is critical (RFC 5280 MUST; the
            // stricter reading when unsupported name forms are present), the subtrees are exact
            assertThat(synthetic.nameConstraints().map(NameConstraints::permitted))
                    .as(what)
                    .isEqualTo(real.nameConstraints().map(NameConstraints::permitted));
            assertThat(synthetic.nameConstraints().map(NameConstraints::excluded))
                    .as(what)
                    .isEqualTo(real.nameConstraints().map(NameConstraints::excluded));
            synthetic
                    .nameConstraints()
                    .ifPresent(nc -> assertThat(nc.critical()).isTrue());
            assertThat(synthetic.certificatePolicies().orElse(List.of()))
                    .as(what)
                    .isEqualTo(real.certificatePolicies().orElse(List.of()));
            assertThat(synthetic.hasAnyPolicy()).as(what).isEqualTo(real.hasAnyPolicy());
            assertThat(synthetic.tbsSignatureAlgorithm().oid())
                    .as(what)
                    .isEqualTo(real.tbsSignatureAlgorithm().oid());
            assertThat(synthetic.signatureHash()).as(what).isEqualTo(real.signatureHash());
            assertThat(synthetic.isValidAt(store.sourceDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
                    .as(what)
                    .isEqualTo(real.isValidAt(store.sourceDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
            assertThat(synthetic.syntheticSelfSigned()).as(what).isEqualTo(Optional.of(facts.selfSigned()));
            assertThat(real.syntheticSelfSigned()).as(what).isEmpty();
            compared++;
        }
        assertThat(compared).as("certificates compared with their real DER").isGreaterThan(400);
    }

    @Test
    void everyRootOfEveryBundledStore_becomesASyntheticAnchor() {
        for (var info : AppleTrustStores.versions()) {
            AppleTrustStore s = AppleTrustStores.version(info.trustStoreVersion());
            SystemStoreIndex index = SystemStoreIndex.of(s);
            assertThat(index.skipped()).as("store %s", info.trustStoreVersion()).isZero();
            assertThat(index.rootsGroup().all())
                    .as("store %s", info.trustStoreVersion())
                    .hasSameSizeAs(s.anchors());
        }
    }
}
