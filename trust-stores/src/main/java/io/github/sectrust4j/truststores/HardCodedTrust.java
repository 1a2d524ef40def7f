package io.github.sectrust4j.truststores;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Trust decisions Apple hard-codes in trustd rather than in the trust-store folders, each with
 * its source noted (spec §1.3, §2.2, §11.5). Version-independent facts; the per-version blocked
 * and gray-listed key lists live in {@link AppleTrustStore#blockedKeys()} /
 * {@link AppleTrustStore#grayListedKeys()}.
 */
public final class HardCodedTrust {

    /**
     * A fact identifying a certificate.
     *
     * @param name      readable name (subject CN)
     * @param sha256Hex SHA-256 of the certificate, upper-case hex; null when not established
     * @param verified  true when the fingerprint was matched against a certificate in
     *                  {@code reference/apple-trust-store/certs} by subject (a test re-checks it)
     * @param source    where the fact comes from
     */
    public record KnownCertificate(String name, String sha256Hex, boolean verified, String source) {
        /** Whether this fact names the certificate with SHA-256 {@code sha256}. */
        public boolean matches(byte[] sha256) {
            return sha256Hex != null && sha256Hex.equals(Hex.encode(sha256));
        }
    }

    /**
     * A certificate serial number Apple blocks as a leaf when issued by a given CA (§2.2).
     *
     * @param issuer    issuer subject (RFC 2253)
     * @param serialHex serial number, upper-case hex of its magnitude (no leading 00)
     * @param source    where the fact comes from
     */
    public record BlockedSerial(String issuer, String serialHex, String source) {}

    private static final String SHARED = "matched by subject in reference/apple-trust-store/certs";

    /**
     * Apple's built-in roots checked before every other anchor source (§1.3): Apple Root CA,
     * G2, G3. The two "Apple Platform Backport" G1 roots the spec also names are not in the reference
     * data (no certificate with "Backport" in its subject), so their fingerprints are not
     * established here.
     */
    public static final List<KnownCertificate> APPLE_ROOTS = List.of(
            new KnownCertificate(
                    "Apple Root CA",
                    "B0B1730ECBC7FF4505142C49F1295E6EDA6BCAED7E2C68C5BE91B5A11001F024",
                    true,
                    "spec §1.3 (Apple code); " + SHARED),
            new KnownCertificate(
                    "Apple Root CA - G2",
                    "C2B9B042DD57830E7D117DAC55AC8AE19407D38E41D88F3215BC3A890444A050",
                    true,
                    "spec §1.3 (Apple code); " + SHARED),
            new KnownCertificate(
                    "Apple Root CA - G3",
                    "63343ABFB89A6A03EBB57E9B3F5FA7BE7C4F5C756F3017B3A8C488C3653E9179",
                    true,
                    "spec §1.3 (Apple code); " + SHARED),
            new KnownCertificate(
                    "Apple Platform Backport RSA Root CA - G1 (name approximate)",
                    null,
                    false,
                    "spec §1.3 (Apple code); not in Apple's published trust-store data, fingerprint not established"),
            new KnownCertificate(
                    "Apple Platform Backport ECC Root CA - G1 (name approximate)",
                    null,
                    false,
                    "spec §1.3 (Apple code); not in Apple's published trust-store data, fingerprint not established"));

    /** WoSign/StartCom cut-off: a certificate below one of the roots issued on or after this fails (§11.5). */
    public static final Instant WOSIGN_STARTCOM_CUTOFF = Instant.parse("2016-12-01T00:00:00Z");

    /** The trust-store version from which the WoSign/StartCom rule applies (≈ iOS 10.2, §11.5). */
    public static final int WOSIGN_STARTCOM_FROM_VERSION = 2016102100;

    private static final String WOSIGN_UNVERIFIED =
            "spec §11.5 (Apple code); root not in Apple's published trust-store data, so "
                    + "not verified here against a certificate: fingerprint as listed in the WoSign/StartCom section of "
                    + "Chromium's net/data/ssl/blocklist/README.md (chromium/chromium); that section has one more entry "
                    + "(7D8CE822...) than Apple's seven, so which seven Apple uses is not verified";

    /** The seven WoSign/StartCom roots of the §11.5 date-based distrust (matched by SHA-256 anywhere in a chain). */
    public static final List<KnownCertificate> WOSIGN_STARTCOM_ROOTS = List.of(
            new KnownCertificate(
                    "StartCom Certification Authority (SHA-1 signed)",
                    "C766A9BEF2D4071C863A31AA4920E813B2D198608CB7B7CFE21143B836DF09EA",
                    true,
                    "spec §11.5; " + SHARED),
            new KnownCertificate(
                    "StartCom Certification Authority (SHA-256 signed)",
                    "E17890EE09A3FBF4F48B9C414A17D637B7A50647E9BC752322727FCC1742A911",
                    true,
                    "spec §11.5; " + SHARED),
            new KnownCertificate(
                    "StartCom Certification Authority G2",
                    "C7BA6567DE93A798AE1FAA791E712D378FAE1F93C4397FEA441BB7CBE6FD5995",
                    true,
                    "spec §11.5; " + SHARED),
            new KnownCertificate(
                    "Certification Authority of WoSign",
                    "4B22D5A6AEC99F3CDB79AA5EC06838479CD5ECBA7164F7F22DC1D65F63D85708",
                    false,
                    WOSIGN_UNVERIFIED),
            new KnownCertificate(
                    "CA \u6C83\u901A\u6839\u8BC1\u4E66 (WoSign China)",
                    "D6F034BD94AA233F0297ECA4245B283973E447AA590F310C77F48FDF83112254",
                    false,
                    WOSIGN_UNVERIFIED),
            new KnownCertificate(
                    "Certification Authority of WoSign G2",
                    "D487A56F83B07482E85E963394C1ECC2C9E51D0903EE946B02C301581ED99E16",
                    false,
                    WOSIGN_UNVERIFIED),
            new KnownCertificate(
                    "CA WoSign ECC Root",
                    "8B45DA1C06F791EB0CABF26BE588F5FB23165C2E614BF885562D0DCE50B29B02",
                    false,
                    WOSIGN_UNVERIFIED));

    /** Subject of the Comodo CA that issued the 2011 fraudulent certificates. */
    public static final String UTN_USERFIRST_HARDWARE =
            "CN=UTN-USERFirst-Hardware,OU=http://www.usertrust.com,O=The USERTRUST Network,L=Salt Lake City,ST=UT,C=US";

    /** SHA-256 of the UTN-USERFirst-Hardware root in the reference data (its subject DER is the issuer to match). */
    public static final String UTN_USERFIRST_HARDWARE_SHA256 =
            "6EA54741D004667EED1B4816634AA3A79E6E4B96950F8279DAFC8D9BD8812137";

    private static final String COMODO = "Apple Security framework SecPolicyServer.c table "
            + "UTN_USERFirst_Hardware_Serial (public open source; the March 2011 Comodo RA compromise: "
            + "certificates for login.yahoo.com, mail.google.com, www.google.com, login.skype.com, "
            + "addons.mozilla.org, login.live.com and \"Global Trustee\"); spec §2.2";

    /** The nine hard-coded BlackListedLeaf serials issued by UTN-USERFirst-Hardware (§2.2). */
    public static final List<BlockedSerial> COMODO_2011_SERIALS = List.of(
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "D8F35F4EB7872B2DAB0692E315382FB0", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "9239D5348F40D1695A745470E1F23F43", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "B0B7133ED096F9B56FAE91C874BD3AC0", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "E9028B9578E415DC1A710A2B88154447", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "392A434F0E07DF1F8AA305DE34E0C229", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "3E75CED46B693021218830AE86A82A71", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "D7558FDAF5F1105BB213282B707729A3", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "047ECBE9FCA55F7BD09EAE36E10CAE1E", COMODO),
            new BlockedSerial(UTN_USERFIRST_HARDWARE, "F5C86AF36162F13A64F54F6DC9587C06", COMODO));

    /** The fingerprints of the two lists above as bytes, for lookups on every evaluation (one hash probe, no hex encoding). */
    private static final java.util.Set<ByteKey> APPLE_ROOT_FINGERPRINTS = fingerprints(APPLE_ROOTS);

    private static final java.util.Set<ByteKey> WOSIGN_STARTCOM_FINGERPRINTS = fingerprints(WOSIGN_STARTCOM_ROOTS);

    private HardCodedTrust() {}

    private static java.util.Set<ByteKey> fingerprints(List<KnownCertificate> certificates) {
        // only fingerprints that Hex.encode can produce (upper-case hex): the same matches as comparing encodings
        return certificates.stream()
                .map(KnownCertificate::sha256Hex)
                .filter(java.util.Objects::nonNull)
                .map(HardCodedTrust::canonicalBytes)
                .filter(java.util.Objects::nonNull)
                .map(ByteKey::new)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static byte[] canonicalBytes(String hex) {
        try {
            byte[] b = Hex.decode(hex);
            return Hex.encode(b).equals(hex) ? b : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code sha256} is one of Apple's hard-coded roots with an established fingerprint. */
    public static boolean isAppleRoot(byte[] sha256) {
        return APPLE_ROOT_FINGERPRINTS.contains(new ByteKey(java.util.Objects.requireNonNull(sha256)));
    }

    /** Whether {@code sha256} is one of the seven WoSign/StartCom roots of §11.5. */
    public static boolean isWoSignStartComRoot(byte[] sha256) {
        return WOSIGN_STARTCOM_FINGERPRINTS.contains(new ByteKey(java.util.Objects.requireNonNull(sha256)));
    }

    /**
     * Whether a serial number (INTEGER content octets, leading zero allowed) is one of the nine
     * Comodo 2011 serials. The caller must also check that the issuer is UTN-USERFirst-Hardware.
     */
    public static boolean isComodo2011Serial(byte[] serialContent) {
        int start = 0;
        while (start < serialContent.length - 1 && serialContent[start] == 0) {
            start++;
        }
        String hex = Hex.encode(java.util.Arrays.copyOfRange(serialContent, start, serialContent.length))
                .toUpperCase(Locale.ROOT);
        return COMODO_2011_SERIALS.stream().anyMatch(s -> s.serialHex().equals(hex));
    }
}
