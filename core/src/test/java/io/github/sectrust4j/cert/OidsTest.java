package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/** The OID constants are well-formed, distinct, and agree with Bouncy Castle's where it names the same object. */
class OidsTest {
    private static Map<String, String> constants() throws IllegalAccessException {
        Map<String, String> out = new HashMap<>();
        for (Field f : Oids.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.put(f.getName(), (String) f.get(null));
            }
        }
        return out;
    }

    @Test
    void everyConstantIsAWellFormedOidAndNoValueHasTwoNames() throws IllegalAccessException {
        Map<String, String> all = constants();
        assertThat(all).hasSizeGreaterThan(70);
        all.values()
                .forEach(v -> assertThat(new ASN1ObjectIdentifier(v).getId()).isEqualTo(v));
        assertThat(all.values()).doesNotHaveDuplicates();
    }

    @Test
    void agreesWithBouncyCastle() {
        Map<String, ASN1ObjectIdentifier> expected = Map.ofEntries(
                Map.entry(Oids.SUBJECT_KEY_IDENTIFIER, Extension.subjectKeyIdentifier),
                Map.entry(Oids.KEY_USAGE, Extension.keyUsage),
                Map.entry(Oids.PRIVATE_KEY_USAGE_PERIOD, Extension.privateKeyUsagePeriod),
                Map.entry(Oids.SUBJECT_ALT_NAME, Extension.subjectAlternativeName),
                Map.entry(Oids.ISSUER_ALT_NAME, Extension.issuerAlternativeName),
                Map.entry(Oids.BASIC_CONSTRAINTS, Extension.basicConstraints),
                Map.entry(Oids.NAME_CONSTRAINTS, Extension.nameConstraints),
                Map.entry(Oids.CRL_DISTRIBUTION_POINTS, Extension.cRLDistributionPoints),
                Map.entry(Oids.CERTIFICATE_POLICIES, Extension.certificatePolicies),
                Map.entry(Oids.POLICY_MAPPINGS, Extension.policyMappings),
                Map.entry(Oids.AUTHORITY_KEY_IDENTIFIER, Extension.authorityKeyIdentifier),
                Map.entry(Oids.POLICY_CONSTRAINTS, Extension.policyConstraints),
                Map.entry(Oids.EXT_KEY_USAGE, Extension.extendedKeyUsage),
                Map.entry(Oids.INHIBIT_ANY_POLICY, Extension.inhibitAnyPolicy),
                Map.entry(Oids.AUTHORITY_INFO_ACCESS, Extension.authorityInfoAccess),
                Map.entry(Oids.SUBJECT_INFO_ACCESS, Extension.subjectInfoAccess),
                Map.entry(Oids.QC_STATEMENTS, Extension.qCStatements),
                Map.entry(Oids.AD_OCSP, X509ObjectIdentifiers.id_ad_ocsp),
                Map.entry(Oids.AD_CA_ISSUERS, X509ObjectIdentifiers.id_ad_caIssuers),
                Map.entry(Oids.NETSCAPE_CERT_TYPE, MiscObjectIdentifiers.netscapeCertType),
                Map.entry(Oids.ENTRUST_VERSION_INFO, MiscObjectIdentifiers.entrustVersionExtension),
                Map.entry(Oids.EKU_SERVER_AUTH, KeyPurposeId.id_kp_serverAuth.toOID()),
                Map.entry(Oids.ANY_EXTENDED_KEY_USAGE, KeyPurposeId.anyExtendedKeyUsage.toOID()),
                Map.entry(Oids.COMMON_NAME, BCStyle.CN),
                Map.entry(Oids.ORGANIZATION, BCStyle.O),
                Map.entry(Oids.EMAIL_ADDRESS, BCStyle.EmailAddress),
                Map.entry(Oids.RSA_ENCRYPTION, PKCSObjectIdentifiers.rsaEncryption),
                Map.entry(Oids.RSASSA_PSS, PKCSObjectIdentifiers.id_RSASSA_PSS),
                Map.entry(Oids.DSA, X9ObjectIdentifiers.id_dsa),
                Map.entry(Oids.EC_PUBLIC_KEY, X9ObjectIdentifiers.id_ecPublicKey),
                Map.entry(Oids.ED25519, EdECObjectIdentifiers.id_Ed25519),
                Map.entry(Oids.ED448, EdECObjectIdentifiers.id_Ed448),
                Map.entry(Oids.SECP192R1, X9ObjectIdentifiers.prime192v1),
                Map.entry(Oids.SECP224R1, SECObjectIdentifiers.secp224r1),
                Map.entry(Oids.SECP256R1, X9ObjectIdentifiers.prime256v1),
                Map.entry(Oids.SECP384R1, SECObjectIdentifiers.secp384r1),
                Map.entry(Oids.SECP521R1, SECObjectIdentifiers.secp521r1),
                Map.entry(Oids.MD2_WITH_RSA, PKCSObjectIdentifiers.md2WithRSAEncryption),
                Map.entry(Oids.MD4_WITH_RSA, PKCSObjectIdentifiers.md4WithRSAEncryption),
                Map.entry(Oids.MD5_WITH_RSA, PKCSObjectIdentifiers.md5WithRSAEncryption),
                Map.entry(Oids.OIW_MD5_WITH_RSA, OIWObjectIdentifiers.md5WithRSA),
                Map.entry(Oids.SHA1_WITH_RSA, PKCSObjectIdentifiers.sha1WithRSAEncryption),
                Map.entry(Oids.OIW_SHA1_WITH_RSA, OIWObjectIdentifiers.sha1WithRSA),
                Map.entry(Oids.SHA224_WITH_RSA, PKCSObjectIdentifiers.sha224WithRSAEncryption),
                Map.entry(Oids.SHA256_WITH_RSA, PKCSObjectIdentifiers.sha256WithRSAEncryption),
                Map.entry(Oids.SHA384_WITH_RSA, PKCSObjectIdentifiers.sha384WithRSAEncryption),
                Map.entry(Oids.SHA512_WITH_RSA, PKCSObjectIdentifiers.sha512WithRSAEncryption),
                Map.entry(Oids.ECDSA_WITH_SHA1, X9ObjectIdentifiers.ecdsa_with_SHA1),
                Map.entry(Oids.ECDSA_WITH_SHA224, X9ObjectIdentifiers.ecdsa_with_SHA224),
                Map.entry(Oids.ECDSA_WITH_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA256),
                Map.entry(Oids.ECDSA_WITH_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA384),
                Map.entry(Oids.ECDSA_WITH_SHA512, X9ObjectIdentifiers.ecdsa_with_SHA512),
                Map.entry(Oids.DSA_WITH_SHA1, X9ObjectIdentifiers.id_dsa_with_sha1),
                Map.entry(Oids.OIW_DSA_WITH_SHA1, OIWObjectIdentifiers.dsaWithSHA1),
                Map.entry(Oids.DSA_WITH_SHA224, NISTObjectIdentifiers.dsa_with_sha224),
                Map.entry(Oids.DSA_WITH_SHA256, NISTObjectIdentifiers.dsa_with_sha256),
                Map.entry(Oids.SHA1, OIWObjectIdentifiers.idSHA1),
                Map.entry(Oids.SHA224, NISTObjectIdentifiers.id_sha224),
                Map.entry(Oids.SHA256, NISTObjectIdentifiers.id_sha256),
                Map.entry(Oids.SHA384, NISTObjectIdentifiers.id_sha384),
                Map.entry(Oids.SHA512, NISTObjectIdentifiers.id_sha512));
        expected.forEach((ours, bc) -> assertThat(ours).isEqualTo(bc.getId()));
    }
}
