package io.github.sectrust4j.ct.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * The leaf's validity times as the CT rules read them: exactly Bouncy Castle's {@link Time#getDate()}.
 * BC decodes through {@code SimpleDateFormat} (a tenth of a warm evaluation); the two plain DER forms
 * every real certificate uses ({@code YYMMDDhhmmssZ}, {@code YYYYMMDDhhmmssZ} from 1900 on, fields in
 * range) are decoded directly, with BC's century rule (UTCTime 00–49 → 20xx, else 19xx); every other
 * form (offsets, missing seconds, fractions, years before 1900 — Julian in BC —, out-of-range fields,
 * which BC's lenient parser rolls over) goes to BC itself, so the result is always BC's.
 */
final class LeafValidityTime {
    private LeafValidityTime() {}

    static Instant of(Time time) {
        ASN1Primitive p = time.toASN1Primitive();
        Instant fast = null;
        try {
            if (p instanceof ASN1UTCTime || p instanceof ASN1GeneralizedTime) {
                fast = plain(p.getEncoded());
            }
        } catch (IOException | RuntimeException e) {
            fast = null;
        }
        return fast != null ? fast : time.getDate().toInstant();
    }

    /** The plain Z forms, else null. {@code der}: the DER of a UTCTime or GeneralizedTime. */
    static Instant plain(byte[] der) {
        if (der.length < 2) {
            return null;
        }
        int tag = der[0];
        int len = der[1];
        if (len != der.length - 2 || der[der.length - 1] != 'Z') {
            return null;
        }
        int year;
        int p;
        if (tag == 0x17 && len == 13) {
            year = digits(der, 2, 2);
            year += year < 50 ? 2000 : 1900;
            p = 4;
        } else if (tag == 0x18 && len == 15) {
            year = digits(der, 2, 4);
            if (year < 1900) {
                return null;
            }
            p = 6;
        } else {
            return null;
        }
        int month = digits(der, p, 2);
        int day = digits(der, p + 2, 2);
        int hour = digits(der, p + 4, 2);
        int minute = digits(der, p + 6, 2);
        int second = digits(der, p + 8, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // out of range: BC's lenient parser decides
        }
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
