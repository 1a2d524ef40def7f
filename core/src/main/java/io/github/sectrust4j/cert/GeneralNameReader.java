package io.github.sectrust4j.cert;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * Reads one GeneralName by its tag the way Apple's SecCertificateParseGeneralNameContentProperty
 * does, including its leniency for a constructed [6] wrapping an IA5String (seen in old VeriSign
 * certificates). Unknown tags are a parse error.
 */
final class GeneralNameReader {
    static final int OTHER_NAME = 0;
    static final int RFC822 = 1;
    static final int DNS = 2;
    static final int X400 = 3;
    static final int DIRECTORY = 4;
    static final int EDI = 5;
    static final int URI = 6;
    static final int IP = 7;
    static final int REGISTERED_ID = 8;

    /** A decoded GeneralName: its form (tag number), raw content octets, or the Name for directoryName. */
    record Name(int form, byte[] octets, ASN1Primitive directoryName, boolean constructed) {
        Name(int form, byte[] octets, ASN1Primitive directoryName) {
            this(form, octets, directoryName, false);
        }
    }

    private GeneralNameReader() {}

    static Name read(ASN1Encodable obj) {
        ASN1Primitive p = obj.toASN1Primitive();
        if (!(p instanceof ASN1TaggedObject t) || t.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
            throw new IllegalArgumentException("GeneralName is not context-specific");
        }
        byte[] enc;
        try {
            enc = t.getEncoded();
        } catch (IOException e) {
            throw new IllegalArgumentException("GeneralName cannot be encoded", e);
        }
        boolean constructed = (enc[0] & 0x20) != 0;
        int tag = t.getTagNo();
        switch (tag) {
            case OTHER_NAME, X400, EDI -> {
                require(constructed, tag);
                return new Name(tag, contents(enc), null);
            }
            case DIRECTORY -> {
                require(constructed, tag);
                return new Name(tag, contents(enc), t.getExplicitBaseObject().toASN1Primitive());
            }
            case URI -> {
                if (constructed) {
                    ASN1Encodable inner = t.getExplicitBaseObject();
                    if (!(inner instanceof ASN1IA5String s)) {
                        throw new IllegalArgumentException("constructed URI does not hold an IA5String");
                    }
                    return new Name(tag, s.getOctets(), null, true);
                }
                return new Name(tag, contents(enc), null);
            }
            case RFC822, DNS, IP, REGISTERED_ID -> {
                require(!constructed, tag);
                return new Name(tag, contents(enc), null);
            }
            default -> throw new IllegalArgumentException("GeneralName tag [" + tag + "] is not defined");
        }
    }

    private static void require(boolean ok, int tag) {
        if (!ok) {
            throw new IllegalArgumentException("GeneralName [" + tag + "] has the wrong constructed/primitive form");
        }
    }

    private static byte[] contents(byte[] tlv) {
        Der.Tlv t = Der.read(tlv, 0, tlv.length);
        return Arrays.copyOfRange(tlv, t.contentStart(), t.end());
    }
}
