package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** x509-limbo holds real and deliberately odd certificates: each must parse or fail with our exception only. */
class LimboCorpusTest {

    private static List<String> allPems() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedData.limbo().toFile());
        Set<String> pems = new LinkedHashSet<>();
        for (JsonNode tc : root.get("testcases")) {
            for (String field : List.of("trusted_certs", "untrusted_intermediates")) {
                tc.get(field).forEach(n -> pems.add(n.asText()));
            }
            pems.add(tc.get("peer_certificate").asText());
        }
        return new ArrayList<>(pems);
    }

    @Test
    void everyLimboCertificateParsesOrFailsWithCertificateInputException() throws IOException {
        List<String> pems = allPems();
        assertThat(pems).hasSizeGreaterThan(200);
        int parsed = 0;
        List<String> rejected = new ArrayList<>();
        for (String pem : pems) {
            try {
                List<Certificate> certs = CertificateInput.fromPem(pem);
                assertThat(certs).hasSize(1);
                // the auto-detecting entry point agrees with the PEM one
                assertThat(CertificateInput.parse(pem.getBytes(StandardCharsets.US_ASCII)))
                        .isEqualTo(certs);
                parsed++;
            } catch (CertificateInputException e) {
                assertThat(e.index()).isZero();
                assertThat(e.getMessage()).startsWith("chain[0] (PEM block 1) is not a certificate: ");
                rejected.add(e.getMessage());
            }
        }
        // limbo certificates are mostly well-formed; the few rejections must be real iOS parse failures
        assertThat(parsed).isGreaterThan(pems.size() * 9 / 10);
        System.out.println("limbo: " + parsed + " parsed, " + rejected.size() + " rejected " + rejected);
    }
}
