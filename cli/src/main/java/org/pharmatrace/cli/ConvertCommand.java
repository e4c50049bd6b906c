package org.pharmatrace.cli;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.pharmatrace.epcis.formats.EpcisConverter;
import org.pharmatrace.epcis.io.EpcisFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hub epcis convert --to jsonld|xml|xml-1.2 FILE}: the document in another syntax, on stdout. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an EPCIS document to EPCIS 2.0 JSON-LD, EPCIS 2.0 XML or EPCIS 1.2 XML on stdout.")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetFormat.class,
            description = "jsonld, xml (EPCIS 2.0) or xml-1.2")
    EpcisFormat target;

    @Option(names = "--compact", description = "no indentation (JSON-LD is indented by default)")
    boolean compact;

    @Parameters(paramLabel = "FILE", description = "EPCIS document (XML 1.2/2.0 or JSON-LD); - for stdin")
    String file;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.err, file);
        try (InputStream in = Inputs.open(file)) {
            OutputStream out = new BufferedOutputStream(System.out, 64 * 1024);
            EpcisConverter.convert(in, target, out, !compact, progress::events);
            out.flush();
        }
        return 0;
    }

    /** Maps the command-line names of the formats. */
    static final class TargetFormat implements ITypeConverter<EpcisFormat> {
        @Override
        public EpcisFormat convert(String value) {
            return switch (value) {
                case "jsonld", "json-ld", "json" -> EpcisFormat.JSON_LD;
                case "xml", "xml-2.0" -> EpcisFormat.XML_2_0;
                case "xml-1.2" -> EpcisFormat.XML_1_2;
                default -> throw new IllegalArgumentException(
                        "unknown format '" + value + "': use jsonld, xml or xml-1.2");
            };
        }
    }
}
