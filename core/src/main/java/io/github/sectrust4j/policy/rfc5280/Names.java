package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.DerivedFact;
import io.github.sectrust4j.cert.DistinguishedName;
import io.github.sectrust4j.cert.NameConstraints;
import io.github.sectrust4j.cert.SubjectAltName;
import io.github.sectrust4j.policy.names.CertificateNames;
import io.github.sectrust4j.policy.names.GeneralNameValue;
import java.util.ArrayList;
import java.util.List;

/** Converts the cert package's parsed names into the plain values of {@code policy.names} (§2.3 item 6). */
final class Names {
    private Names() {}

    /** Facts of the certificate's bytes alone: worked out once per certificate object. */
    private static final DerivedFact<CertificateNames> NAMES = DerivedFact.of(Names::compute);

    /** Subject DN, its e-mail attributes and every SAN entry of a supported form. */
    static CertificateNames of(Certificate cert) {
        return NAMES.of(cert);
    }

    private static CertificateNames compute(Certificate cert) {
        List<GeneralNameValue> san = new ArrayList<>();
        cert.subjectAltName().ifPresent(s -> addSan(s, san));
        return new CertificateNames(cert.subject().der(), cert.subject().emailAddresses(), san);
    }

    private static void addSan(SubjectAltName s, List<GeneralNameValue> out) {
        s.dnsNames().forEach(d -> out.add(GeneralNameValue.dns(d)));
        s.ipAddresses().forEach(ip -> out.add(GeneralNameValue.ip(ip)));
        s.rfc822Names().forEach(e -> out.add(GeneralNameValue.email(e)));
        s.uris().forEach(u -> out.add(GeneralNameValue.uri(u)));
        s.directoryNames().forEach(dn -> out.add(GeneralNameValue.directoryName(dn.der())));
    }

    /** The subtrees of one list (permitted or excluded) of the supported forms. */
    static List<GeneralNameValue> subtrees(NameConstraints.Subtrees t) {
        List<GeneralNameValue> out = new ArrayList<>();
        t.dnsNames().forEach(d -> out.add(GeneralNameValue.dns(d)));
        for (NameConstraints.IpSubtree ip : t.ipAddresses()) {
            byte[] a = ip.address();
            byte[] m = ip.mask();
            byte[] both = new byte[a.length + m.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(m, 0, both, a.length, m.length);
            out.add(GeneralNameValue.ip(both));
        }
        t.emails().forEach(e -> out.add(GeneralNameValue.email(e)));
        t.uris().forEach(u -> out.add(GeneralNameValue.uri(u)));
        for (DistinguishedName dn : t.directoryNames()) {
            out.add(GeneralNameValue.directoryName(dn.der()));
        }
        return out;
    }
}
