package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerProfile;

/** The corpus ship notices, variants of them, and a partner profile that knows the corpus's GS1 prefixes. */
final class AsnSamples {

    static final String PHARMA_856 = "x12/pharma-asn-856.edi";
    static final String RETAIL_856 = "x12/retail-asn-856-gozer.txt";
    static final String PHARMA_DESADV = "edifact/pharma-desadv.edi";
    static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 21, 9, 30);

    /** GS1 example company prefix of the corpus's fictional companies. */
    static final String PREFIX = "0614141";

    private AsnSamples() {
    }

    static String corpusText(String name) {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("system property hub.corpus.dir is not set (surefire sets it)");
        }
        try {
            return Files.readString(Path.of(dir, name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 3PL in US Eastern time whose prefixes are the corpus's, with one product in its NDC master data. */
    static PartnerProfile profile() {
        return new PartnerProfile("acme-3pl", null, null, "-05:00",
                CompanyPrefixLengths.defaults().with(PREFIX, 7),
                new InMemoryNdcProductCatalog().add("12345-6789-0"), Map.of());
    }

    static PartnerProfile profile(Map<String, String> conventions) {
        return profile().withConventions(conventions);
    }

    static EdiInterchange readX12(String text, PartnerProfile profile) {
        return new X12AsnMapper().read(new ByteArrayInputStream(bytes(text)), profile);
    }

    static EdiInterchange readDesadv(String text, PartnerProfile profile) {
        return new DesadvMapper().read(new ByteArrayInputStream(bytes(text)), profile);
    }

    static List<EpcisEvent> mapX12(String text, PartnerProfile profile) {
        List<EpcisEvent> events = new ArrayList<>();
        new X12AsnMapper().map(new ByteArrayInputStream(bytes(text)), profile, events::add);
        return events;
    }

    static List<EpcisEvent> mapDesadv(String text, PartnerProfile profile) {
        List<EpcisEvent> events = new ArrayList<>();
        new DesadvMapper().map(new ByteArrayInputStream(bytes(text)), profile, events::add);
        return events;
    }

    static AsnFormatException x12Failure(String text, PartnerProfile profile) {
        return failure(() -> mapX12(text, profile));
    }

    static AsnFormatException desadvFailure(String text, PartnerProfile profile) {
        return failure(() -> mapDesadv(text, profile));
    }

    private static AsnFormatException failure(Runnable mapping) {
        AsnFormatException[] caught = new AsnFormatException[1];
        assertThatThrownBy(mapping::run).isInstanceOfSatisfying(AsnFormatException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** The 997 of a refused X12 notice. */
    static String x12Ack(AsnFormatException e) {
        return X12FunctionalAck.of(e).render(X12FunctionalAck.Kind.X12_997, 7, NOW);
    }

    static String contrl(AsnFormatException e) {
        return EdifactContrl.of(e).render("HUB7", NOW);
    }

    /** A variant of a single-transaction X12 text ('~'-terminated) with SE01 recounted after segments were added or removed. */
    static String recountX12(String text) {
        List<String> segments = segments(text, '~');
        int st = -1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.startsWith("ST*")) {
                st = i;
            } else if (s.startsWith("SE*") && st >= 0) {
                s = "SE*" + (i - st + 1) + s.substring(s.indexOf('*', 3));
            }
            out.append(s).append("~\n");
        }
        return out.toString();
    }

    /** A variant of a single-message EDIFACT text with UNT 0074 recounted. */
    static String recountEdifact(String text) {
        List<String> segments = segments(text.replace("UNA:+.? '", "UNA:+.? \u0001"), '\'');
        int unh = -1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.startsWith("UNA")) {
                out.append("UNA:+.? '\n").append(s.substring(s.indexOf('\u0001') + 1).strip()).append("'\n");
                continue;
            }
            if (s.startsWith("UNH+")) {
                unh = i;
            } else if (s.startsWith("UNT+") && unh >= 0) {
                s = "UNT+" + (i - unh + 1) + s.substring(s.indexOf('+', 4));
            }
            out.append(s).append("'\n");
        }
        return out.toString();
    }

    /** The segments of an X12 text whose terminator is '~' (line breaks dropped). */
    static List<String> segments(String text, char terminator) {
        List<String> segments = new ArrayList<>();
        for (String s : text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
            String t = s.strip();
            if (!t.isEmpty()) {
                segments.add(t);
            }
        }
        return segments;
    }
}
