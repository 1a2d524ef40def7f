package io.github.sectrust4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

class ChainCorpusTest {

    private static Set<String> spkis(List<ChainCorpus.Chain> chains) {
        Set<String> out = new HashSet<>();
        for (ChainCorpus.Chain c : chains) {
            for (byte[] der : List.of(c.leaf(), c.intermediate(), c.root())) {
                out.add(Certificate.getInstance(der).getSubjectPublicKeyInfo().toString());
            }
        }
        return out;
    }

    @Test
    void everyCertificateOfTheCorpus_hasItsOwnKey_soNoCacheEntryServesTwoChains() {
        ChainCorpus corpus = ChainCorpus.mint(ChainFamily.EC_P256, 4);

        assertThat(spkis(corpus.chains())).hasSize(12);
        assertThat(corpus.chains().stream().map(ChainCorpus.Chain::host).collect(Collectors.toSet()))
                .hasSize(4);
    }

    @Test
    void ecChainLinks_verifyWithBouncyCastleAndTheJdkProviders() {
        ChainCorpus.Chain c = ChainCorpus.mint(ChainFamily.EC_P256, 1).get(0);

        for (SignatureLink link :
                List.of(new SignatureLink(c.leaf(), c.intermediate()), new SignatureLink(c.intermediate(), c.root()))) {
            assertThat(link.verifyBcLightweight()).isTrue();
            assertThat(link.verifyBcLightweight(true)).isTrue();
            assertThat(link.verifyJca()).isTrue();
        }
        assertThat(new SignatureLink(c.root(), c.root()).verifyBcLightweight(true))
                .isTrue();
    }

    @Test
    void rsaChainLinks_verifyWithBouncyCastleAndTheJdkProviders() {
        ChainCorpus.Chain c = ChainCorpus.mint(ChainFamily.RSA_2048, 1).get(0);

        SignatureLink link = new SignatureLink(c.leaf(), c.intermediate());
        assertThat(link.verifyBcLightweight()).isTrue();
        assertThat(link.verifyBcLightweight(true)).isTrue();
        assertThat(link.verifyJca()).isTrue();
        assertThat(new SignatureLink(c.root(), c.root()).verifyBcLightweight(true))
                .isTrue();
    }

    @Test
    void aLinkWithTheWrongIssuer_doesNotVerify() {
        List<ChainCorpus.Chain> chains =
                ChainCorpus.mint(ChainFamily.EC_P256, 2).chains();

        SignatureLink crossed =
                new SignatureLink(chains.get(0).leaf(), chains.get(1).intermediate());
        assertThat(crossed.verifyBcLightweight()).isFalse();
        assertThat(crossed.verifyBcLightweight(true)).isFalse();
        assertThat(crossed.verifyJca()).isFalse();
        List<ChainCorpus.Chain> rsa = ChainCorpus.mint(ChainFamily.RSA_2048, 2).chains();
        SignatureLink crossedRsa =
                new SignatureLink(rsa.get(0).leaf(), rsa.get(1).intermediate());
        assertThat(crossedRsa.verifyBcLightweight(true)).isFalse();
        assertThat(crossedRsa.verifyJca()).isFalse();
    }
}
