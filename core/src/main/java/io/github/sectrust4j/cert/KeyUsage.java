package io.github.sectrust4j.cert;

/** keyUsage bits, bit 0 = digitalSignature … bit 8 = decipherOnly (RFC 5280 §4.2.1.3). */
public record KeyUsage(int bits) {
    public static final int DIGITAL_SIGNATURE = 0;
    public static final int NON_REPUDIATION = 1;
    public static final int KEY_ENCIPHERMENT = 2;
    public static final int DATA_ENCIPHERMENT = 3;
    public static final int KEY_AGREEMENT = 4;
    public static final int KEY_CERT_SIGN = 5;
    public static final int CRL_SIGN = 6;
    public static final int ENCIPHER_ONLY = 7;
    public static final int DECIPHER_ONLY = 8;

    public boolean has(int bit) {
        return (bits & (1 << bit)) != 0;
    }

    public boolean keyCertSign() {
        return has(KEY_CERT_SIGN);
    }

    public boolean digitalSignature() {
        return has(DIGITAL_SIGNATURE);
    }

    public boolean keyEncipherment() {
        return has(KEY_ENCIPHERMENT);
    }

    public boolean isEmpty() {
        return bits == 0;
    }
}
