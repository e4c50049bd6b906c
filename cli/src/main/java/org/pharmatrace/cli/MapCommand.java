package org.pharmatrace.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.DesadvMapper;
import org.pharmatrace.mapping.asn.X12AsnMapper;
import org.pharmatrace.mapping.hl7.Hl7DispenseMapper;
import org.pharmatrace.mapping.serial.SerialCsvMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hub map --format ... FILE}: the EPCIS 2.0 JSON-LD document a partner file maps to, on stdout. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Map a partner file to EPCIS 2.0 JSON-LD on stdout (EPCs as EPC URNs).",
                "Without --partner the documented defaults apply (see mapping/*/README.md)."})
final class MapCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatName.class,
            description = "x12-856, edifact-desadv, hl7 or serial-csv")
    PartnerFormat format;

    @Option(names = "--partner", paramLabel = "PROPERTIES",
            description = {"partner profile: partnerId, owningParty, location, eventTimeZoneOffset,",
                    "companyPrefix.<digits>=<length>, ndc.<11-digit NDC>=<hyphenated 10-digit NDC>,",
                    "and any format convention key (e.g. x12.serialQualifier=SE)"})
    Path partner;

    @Option(names = "--company-prefix", paramLabel = "PREFIX=LENGTH",
            description = "a GS1 company prefix length the file's keys need, e.g. 4012345=7 (repeatable)")
    Map<String, Integer> companyPrefixes = new HashMap<>();

    @Parameters(paramLabel = "FILE", description = "the partner file; - for stdin")
    String file;

    @Override
    public Integer call() throws IOException {
        PartnerProfile profile = withCompanyPrefixes(partner == null ? PartnerProfile.defaults() : loadProfile(partner));
        OutputStream out = new BufferedOutputStream(System.out, 64 * 1024);
        Progress progress = new Progress(System.err, file);
        try (InputStream in = Inputs.open(file); EpcisDocumentWriter writer = new EpcisJsonLdWriter(out, true)) {
            writer.start(new EpcisDocumentInfo()
                    .setCreationDate(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()));
            long[] count = {0};
            mapper(format).map(in, profile, event -> {
                writer.write(event);
                progress.events(++count[0]);
            });
        }
        out.flush();
        return 0;
    }

    private PartnerProfile withCompanyPrefixes(PartnerProfile p) {
        CompanyPrefixLengths lengths = p.companyPrefixLengths();
        for (Map.Entry<String, Integer> prefix : companyPrefixes.entrySet()) {
            lengths = lengths.with(prefix.getKey(), prefix.getValue());
        }
        return new PartnerProfile(p.partnerId(), p.owningParty(), p.location(), p.eventTimeZoneOffset(), lengths,
                p.ndcCatalog(), p.conventions());
    }

    static PartnerFormatMapper mapper(PartnerFormat format) {
        return switch (format) {
            case X12_856 -> new X12AsnMapper();
            case EDIFACT_DESADV -> new DesadvMapper();
            case HL7_DISPENSE -> new Hl7DispenseMapper();
            case SERIAL_CSV -> new SerialCsvMapper();
        };
    }

    static PartnerProfile loadProfile(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        PartnerProfile defaults = PartnerProfile.defaults();
        CompanyPrefixLengths lengths = defaults.companyPrefixLengths();
        InMemoryNdcProductCatalog catalog = new InMemoryNdcProductCatalog();
        Map<String, String> conventions = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("companyPrefix.")) {
                lengths = lengths.with(key.substring("companyPrefix.".length()), Integer.parseInt(value));
            } else if (key.startsWith("ndc.")) {
                catalog.add(value);
            } else if (!key.equals("partnerId") && !key.equals("owningParty") && !key.equals("location")
                    && !key.equals("eventTimeZoneOffset")) {
                conventions.put(key, value);
            }
        }
        return new PartnerProfile(p.getProperty("partnerId", defaults.partnerId()), p.getProperty("owningParty"),
                p.getProperty("location"), p.getProperty("eventTimeZoneOffset", defaults.eventTimeZoneOffset()),
                lengths, catalog, conventions);
    }

    /** Maps the command-line names of the partner formats. */
    static final class FormatName implements ITypeConverter<PartnerFormat> {
        @Override
        public PartnerFormat convert(String value) {
            return PartnerFormat.fromCliName(value);
        }
    }
}
