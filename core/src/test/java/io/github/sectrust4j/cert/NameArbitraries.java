package io.github.sectrust4j.cert;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;

/** Random Names for the Name properties: up to four RDNs of attributes, mostly well-formed, of the given types and values. */
final class NameArbitraries {
    private NameArbitraries() {}

    /**
     * Names whose RDNs are empty (an unnormalizable Name, §1.3) with weight 1, of one attribute with weight
     * {@code single}, of two or three with weight {@code several}; an attribute is {@code {type, value}} with weight
     * {@code wellFormed}, else malformed (weight 1: an INTEGER type, no value, a value too many, a bare value).
     */
    static Arbitrary<DERSequence> names(
            List<ASN1ObjectIdentifier> types,
            Arbitrary<? extends ASN1Encodable> values,
            int single,
            int several,
            int wellFormed) {
        Arbitrary<ASN1Encodable> attribute = Arbitraries.frequencyOf(
                Tuple.of(
                        wellFormed,
                        Combinators.combine(Arbitraries.of(types), values).as(NameArbitraries::attribute)),
                Tuple.of(1, malformed(types, values)));
        Arbitrary<ASN1Encodable> rdn = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new DERSet())),
                Tuple.of(single, attribute.map(DERSet::new)),
                Tuple.of(
                        several,
                        attribute
                                .list()
                                .ofMinSize(2)
                                .ofMaxSize(3)
                                .map(avas -> new DERSet(avas.toArray(ASN1Encodable[]::new)))));
        return rdn.list().ofMaxSize(4).map(rdns -> new DERSequence(rdns.toArray(ASN1Encodable[]::new)));
    }

    private static ASN1Encodable attribute(ASN1Encodable type, ASN1Encodable value) {
        return new DERSequence(new ASN1Encodable[] {type, value});
    }

    private static Arbitrary<ASN1Encodable> malformed(
            List<ASN1ObjectIdentifier> types, Arbitrary<? extends ASN1Encodable> values) {
        return Arbitraries.oneOf(
                values.map(v -> attribute(new ASN1Integer(3), v)),
                Arbitraries.of(types).map(t -> new DERSequence(t)),
                Combinators.combine(Arbitraries.of(types), values)
                        .as((t, v) -> new DERSequence(new ASN1Encodable[] {t, v, v})),
                values.map(v -> v));
    }
}
