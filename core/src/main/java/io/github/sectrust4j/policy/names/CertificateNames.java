package io.github.sectrust4j.policy.names;

import java.util.List;
import java.util.Objects;

/**
 * The names of one certificate that name constraints apply to (spec §2.3 item 6): the subject DN,
 * the e-mail address attributes of the subject DN, and every SAN entry of a supported form. The
 * subject CN is deliberately not a DNS name here (§2.3).
 *
 * @param subjectDer DER of the subject Name (an empty SEQUENCE {@code 30 00} for an empty subject)
 * @param subjectEmails e-mail address attributes (PKCS#9 emailAddress) of the subject DN
 * @param subjectAltNames SAN entries of the supported forms, in certificate order
 */
public record CertificateNames(byte[] subjectDer, List<String> subjectEmails, List<GeneralNameValue> subjectAltNames) {

    public CertificateNames {
        subjectDer = Objects.requireNonNull(subjectDer, "subjectDer").clone();
        subjectEmails = List.copyOf(subjectEmails);
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    @Override
    public byte[] subjectDer() {
        return subjectDer.clone();
    }

    byte[] rawSubjectDer() {
        return subjectDer;
    }
}
