package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The facts about one path certificate that the MDM CT exception test reads (spec §8.6).
 *
 * @param spkiSha256Base64              base64 SHA-256 of its SubjectPublicKeyInfo DER
 * @param organizations                 its subject organizationName values, in order
 * @param permittedSubtreesOrganization it has a permitted-subtrees directoryName containing an organizationName
 */
public record CtExceptionSubject(
        String spkiSha256Base64, List<String> organizations, boolean permittedSubtreesOrganization) {
    public CtExceptionSubject {
        requireNonNull(spkiSha256Base64, "spkiSha256Base64");
        organizations = ImmutableList.copyOf(organizations);
    }

    /**
     * Reads the facts from a certificate (DER).
     *
     * @throws IllegalArgumentException if it is not a decodable certificate
     */
    public static CtExceptionSubject fromCertificate(byte[] der) {
        Certificate c;
        try {
            c = Certificate.getInstance(ASN1Primitive.fromByteArray(requireNonNull(der, "der")));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a DER certificate: " + e.getMessage(), e);
        }
        byte[] spki;
        try {
            spki = c.getSubjectPublicKeyInfo().getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("subjectPublicKeyInfo cannot be encoded", e);
        }
        boolean constrained = false;
        var exts = c.getTBSCertificate().getExtensions();
        if (exts != null && exts.getExtension(Extension.nameConstraints) != null) {
            NameConstraints nc = NameConstraints.getInstance(exts.getExtensionParsedValue(Extension.nameConstraints));
            GeneralSubtree[] permitted = nc.getPermittedSubtrees();
            if (permitted != null) {
                for (GeneralSubtree s : permitted) {
                    GeneralName base = s.getBase();
                    if (base.getTagNo() == GeneralName.directoryName
                            && !organizations(X500Name.getInstance(base.getName()))
                                    .isEmpty()) {
                        constrained = true;
                    }
                }
            }
        }
        return new CtExceptionSubject(
                Base64.getEncoder()
                        .encodeToString(Hashing.sha256().hashBytes(spki).asBytes()),
                organizations(c.getSubject()),
                constrained);
    }

    private static List<String> organizations(X500Name name) {
        ImmutableList.Builder<String> out = ImmutableList.builder();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (BCStyle.O.equals(atv.getType())) {
                    ASN1Encodable v = atv.getValue();
                    out.add(v instanceof ASN1String s ? s.getString() : v.toString());
                }
            }
        }
        return out.build();
    }
}
