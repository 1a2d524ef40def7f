package io.github.sectrust4j.cert;

/**
 * Every object identifier the library reads, in one place (dotted strings, the form Bouncy Castle's
 * {@code ASN1ObjectIdentifier#getId} and the JDK give). Names follow the defining RFC's ASN.1 module.
 */
public final class Oids {
    private Oids() {}

    // ---- certificate extensions, id-ce (RFC 5280 §4.2) ----
    public static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    public static final String KEY_USAGE = "2.5.29.15";
    public static final String PRIVATE_KEY_USAGE_PERIOD = "2.5.29.16";
    public static final String SUBJECT_ALT_NAME = "2.5.29.17";
    public static final String ISSUER_ALT_NAME = "2.5.29.18";
    public static final String BASIC_CONSTRAINTS = "2.5.29.19";
    public static final String NAME_CONSTRAINTS = "2.5.29.30";
    public static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    public static final String CERTIFICATE_POLICIES = "2.5.29.32";
    /** {@code anyPolicy} (RFC 5280 §4.2.1.4). */
    public static final String ANY_POLICY = "2.5.29.32.0";

    public static final String POLICY_MAPPINGS = "2.5.29.33";
    public static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    public static final String POLICY_CONSTRAINTS = "2.5.29.36";
    public static final String EXT_KEY_USAGE = "2.5.29.37";
    public static final String INHIBIT_ANY_POLICY = "2.5.29.54";

    // ---- PKIX private extensions and access methods, id-pe / id-ad (RFC 5280 §4.2.2, RFC 3739, RFC 6960) ----
    public static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    public static final String QC_STATEMENTS = "1.3.6.1.5.5.7.1.3";
    public static final String SUBJECT_INFO_ACCESS = "1.3.6.1.5.5.7.1.11";
    public static final String AD_OCSP = "1.3.6.1.5.5.7.48.1";
    public static final String AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
    /** {@code id-pkix-ocsp-nocheck} (RFC 6960 §4.2.2.2.1). */
    public static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";

    // ---- vendor extensions Apple's parser knows (§2.2 CriticalExtensions) ----
    public static final String NETSCAPE_CERT_TYPE = "2.16.840.1.113730.1.1";
    public static final String ENTRUST_VERSION_INFO = "1.2.840.113533.7.65.0";
    /** Car Connectivity Consortium extensions Apple tolerates when critical ({@code isCCCExtensionOID}). */
    public static final String CCC_EXTENSION_1 = "1.3.6.1.4.1.41577.5.1";

    public static final String CCC_EXTENSION_8 = "1.3.6.1.4.1.41577.5.8";
    public static final String CCC_EXTENSION_9 = "1.3.6.1.4.1.41577.5.9";

    // ---- Certificate Transparency (RFC 6962 §3.1, §3.3) ----
    /** The SCT list embedded in a certificate. */
    public static final String EMBEDDED_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

    public static final String PRECERT_POISON = "1.3.6.1.4.1.11129.2.4.3";
    /** The SCT list in an OCSP single response's extensions. */
    public static final String OCSP_SCT_LIST = "1.3.6.1.4.1.11129.2.4.5";

    // ---- extended key usages (RFC 5280 §4.2.1.12; §2.2) ----
    public static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    /** Microsoft Server Gated Crypto. */
    public static final String EKU_MS_SGC = "1.3.6.1.4.1.311.10.3.3";
    /** Netscape Server Gated Crypto. */
    public static final String EKU_NS_SGC = "2.16.840.1.113730.4.1";

    // ---- Apple policy identifiers (SecPolicyPriv.h; §1.2, §11.4) ----
    public static final String APPLE_POLICY_BASIC = "1.2.840.113635.100.1.2";
    public static final String APPLE_POLICY_SSL = "1.2.840.113635.100.1.3";
    public static final String APPLE_POLICY_SSL_SERVER = "1.2.840.113635.100.1.3.1";

    // ---- distinguished-name attributes (X.520, PKCS #9) ----
    public static final String COMMON_NAME = "2.5.4.3";
    public static final String ORGANIZATION = "2.5.4.10";
    public static final String EMAIL_ADDRESS = "1.2.840.113549.1.9.1";

    // ---- public-key algorithms and EC curves (RFC 3279, RFC 4055, RFC 5480, RFC 8410) ----
    public static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    public static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    public static final String DSA = "1.2.840.10040.4.1";
    public static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    public static final String ED25519 = "1.3.101.112";
    public static final String ED448 = "1.3.101.113";
    public static final String SECP192R1 = "1.2.840.10045.3.1.1";
    public static final String SECP224R1 = "1.3.132.0.33";
    public static final String SECP256R1 = "1.2.840.10045.3.1.7";
    public static final String SECP384R1 = "1.3.132.0.34";
    public static final String SECP521R1 = "1.3.132.0.35";

    // ---- signature algorithms (RFC 3279, RFC 4055, RFC 5758; OIW arcs 1.3.14.3.2) ----
    public static final String MD2_WITH_RSA = "1.2.840.113549.1.1.2";
    public static final String MD4_WITH_RSA = "1.2.840.113549.1.1.3";
    public static final String MD5_WITH_RSA = "1.2.840.113549.1.1.4";
    public static final String OIW_MD5_WITH_RSA = "1.3.14.3.2.3";
    public static final String SHA1_WITH_RSA = "1.2.840.113549.1.1.5";
    public static final String OIW_SHA1_WITH_RSA = "1.3.14.3.2.29";
    public static final String SHA224_WITH_RSA = "1.2.840.113549.1.1.14";
    public static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    public static final String SHA384_WITH_RSA = "1.2.840.113549.1.1.12";
    public static final String SHA512_WITH_RSA = "1.2.840.113549.1.1.13";
    public static final String ECDSA_WITH_SHA1 = "1.2.840.10045.4.1";
    public static final String ECDSA_WITH_SHA224 = "1.2.840.10045.4.3.1";
    public static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    public static final String ECDSA_WITH_SHA384 = "1.2.840.10045.4.3.3";
    public static final String ECDSA_WITH_SHA512 = "1.2.840.10045.4.3.4";
    public static final String DSA_WITH_SHA1 = "1.2.840.10040.4.3";
    public static final String OIW_DSA_WITH_SHA1 = "1.3.14.3.2.27";
    public static final String DSA_WITH_SHA224 = "2.16.840.1.101.3.4.3.1";
    public static final String DSA_WITH_SHA256 = "2.16.840.1.101.3.4.3.2";

    // ---- digest algorithms (RFC 3279, RFC 5754) ----
    public static final String SHA1 = "1.3.14.3.2.26";
    public static final String SHA224 = "2.16.840.1.101.3.4.2.4";
    public static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    public static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    public static final String SHA512 = "2.16.840.1.101.3.4.2.3";
}
