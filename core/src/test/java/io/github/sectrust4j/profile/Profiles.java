package io.github.sectrust4j.profile;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import java.nio.charset.StandardCharsets;

/**
 * Profile variants for the reader's tests, made from the test-fixtures {@code MobileConfig} output (the independent
 * oracle) with dd-plist: binary form, extra payloads, nesting, keys removed.
 */
final class Profiles {
    private Profiles() {}

    static Certificate cert(HeldCertificate held) {
        return Certificate.parse(held.der());
    }

    static NSDictionary dict(byte[] plist) {
        try {
            return (NSDictionary) PropertyListParser.parse(plist);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xml(NSDictionary d) {
        return d.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] binary(byte[] plist) {
        try {
            return BinaryPropertyListWriter.writeToArray(dict(plist));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload dictionary with the keys every payload must have. */
    static NSDictionary payload(String type, String identifier) {
        NSDictionary p = new NSDictionary();
        p.put("PayloadType", type);
        p.put("PayloadIdentifier", identifier);
        p.put(
                "PayloadUUID",
                java.util
                        .UUID
                        .nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8))
                        .toString());
        p.put("PayloadVersion", 1);
        return p;
    }

    static NSDictionary wifi() {
        NSDictionary p = payload("com.apple.wifi.managed", "com.contoso.wifi");
        p.put("PayloadDisplayName", "Office Wi-Fi");
        p.put("SSID_STR", "Contoso");
        return p;
    }

    static NSDictionary pkcs12() {
        NSDictionary p = payload("com.apple.security.pkcs12", "com.contoso.identity");
        p.put("PayloadContent", new NSData(new byte[] {0x30, 0x03, 0x02, 0x01, 0x03}));
        return p;
    }

    /** The profile with these payloads appended to its PayloadContent. */
    static byte[] withPayloads(byte[] profile, NSObject... extra) {
        NSDictionary d = dict(profile);
        NSArray content = (NSArray) d.objectForKey("PayloadContent");
        NSArray out = new NSArray(content.count() + extra.length);
        for (int i = 0; i < content.count(); i++) {
            out.setValue(i, content.objectAtIndex(i));
        }
        for (int i = 0; i < extra.length; i++) {
            out.setValue(content.count() + i, extra[i]);
        }
        d.put("PayloadContent", out);
        return xml(d);
    }

    /** The profile's certificate payloads moved into a container payload, itself after a Wi-Fi payload. */
    static byte[] nested(byte[] profile) {
        NSDictionary d = dict(profile);
        NSDictionary container = payload("com.example.container", "com.contoso.container");
        container.put("PayloadContent", d.objectForKey("PayloadContent"));
        NSArray out = new NSArray(2);
        out.setValue(0, wifi());
        out.setValue(1, container);
        d.put("PayloadContent", out);
        return xml(d);
    }

    /** The profile with one top-level key removed or replaced. */
    static byte[] withTopKey(byte[] profile, String key, Object value) {
        NSDictionary d = dict(profile);
        if (value == null) {
            d.remove(key);
        } else {
            d.put(key, value);
        }
        return xml(d);
    }

    /** The profile with a key of its first payload replaced. */
    static byte[] withFirstPayloadKey(byte[] profile, String key, Object value) {
        NSDictionary d = dict(profile);
        NSDictionary first = (NSDictionary) ((NSArray) d.objectForKey("PayloadContent")).objectAtIndex(0);
        if (value == null) {
            first.remove(key);
        } else {
            first.put(key, value);
        }
        return xml(d);
    }
}
