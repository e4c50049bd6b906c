package org.pharmatrace.benchmark;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pharmatrace.epcis.formats.EpcisConverter;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisRules;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationError;
import org.pharmatrace.epcis.validation.ValidationReport;

/** The hub's own EPCIS pipeline, stage by stage, so each figure says what the stage before it costs. */
final class PipelineWorkloads {

    private PipelineWorkloads() {
    }

    /** Streaming read into the canonical model, nothing else: the floor under every other workload. */
    static Workload parse() {
        return new Named("parse", "our streaming reader: XML to EpcisEvent, one event at a time", document -> {
            long events = 0;
            long checksum = 0;
            try (InputStream in = Workload.open(document); EpcisEventReader reader = EpcisReaders.open(in)) {
                while (reader.hasNext()) {
                    EpcisEvent event = reader.next();
                    checksum += event.getEventTime().length() + event.allInstanceEpcs().size();
                    events++;
                }
            }
            return new Workload.Outcome(events, checksum, "");
        });
    }

    /** Read + Event Hash ID: the comparison with OpenEPCIS, which also reads XML and hashes each event. */
    static Workload hash() {
        EventHashGenerator hasher = new EventHashGenerator();
        return new Named("hash", "read + Event Hash ID of every event (what OpenEPCIS's generator does)", document -> {
            long events = 0;
            long checksum = 0;
            try (InputStream in = Workload.open(document); EpcisEventReader reader = EpcisReaders.open(in)) {
                while (reader.hasNext()) {
                    checksum += hasher.eventHashId(reader.next()).hashCode();
                    events++;
                }
            }
            return new Workload.Outcome(events, checksum, "");
        });
    }

    /** What the hub does with an incoming document before anchoring it: read, check the EPCIS/CBV rules, hash. */
    static Workload rulesAndHash() {
        EventHashGenerator hasher = new EventHashGenerator();
        EpcisRules rules = new EpcisRules();
        return new Named("rules-hash", "read + EPCIS/CBV rules (GS1 keys, vocabulary, fields) + Event Hash ID", document -> {
            long events = 0;
            long checksum = 0;
            long invalidEvents = 0;
            String firstError = null;
            try (InputStream in = Workload.open(document); EpcisEventReader reader = EpcisReaders.open(in)) {
                while (reader.hasNext()) {
                    EpcisEvent event = reader.next();
                    List<ValidationError> errors = rules.check(event);
                    if (!errors.isEmpty()) {
                        invalidEvents++;
                        if (firstError == null) {
                            firstError = "event " + reader.eventIndex() + ": " + errors.get(0);
                        }
                    }
                    checksum += hasher.eventHashId(event).hashCode();
                    events++;
                }
            }
            String note = invalidEvents == 0 ? "all events pass the rules"
                    : String.format("%,d events break a rule, first: %s", invalidEvents, firstError);
            return new Workload.Outcome(events, checksum, note);
        });
    }

    /** XML to JSON-LD through the hub's converter, output counted and dropped (or kept, on request). */
    static Workload convert(Path keepOutputIn) {
        return new Named("convert", "EPCIS 2.0 XML to JSON-LD with EpcisConverter"
                + (keepOutputIn == null ? " (output counted, discarded)" : " (output written to a file)"), document -> {
            Path outputFile = keepOutputIn == null ? null
                    : keepOutputIn.resolve(document.getFileName().toString().replaceFirst("\\.xml$", "") + ".jsonld");
            long events;
            long bytes;
            try (InputStream in = Workload.open(document);
                 CountingOutputStream out = new CountingOutputStream(outputFile == null
                         ? OutputStream.nullOutputStream()
                         : new BufferedOutputStream(Files.newOutputStream(outputFile), Workload.READ_BUFFER))) {
                // Compact output, as one system sends another; indentation would only measure the writer's whitespace.
                events = EpcisConverter.convert(in, EpcisFormat.JSON_LD, out, false, count -> { });
                out.flush();
                bytes = out.count;
            }
            return new Workload.Outcome(events, bytes, String.format("%,d bytes of JSON-LD%s", bytes,
                    outputFile == null ? "" : " in " + outputFile));
        });
    }

    /** The full validator: the EPCIS 2.0 XSD pass, then the rules pass (two reads of the document). */
    static Workload validate() {
        EpcisValidator validator = new EpcisValidator();
        return new Named("validate", "EpcisValidator: XSD pass + rules pass (reads the document twice)", document -> {
            ValidationReport report = validator.validate(document);
            String note = report.isValid() ? "valid"
                    : String.format("%,d errors, first: %s", report.errorCount(), report.errors().get(0));
            return new Workload.Outcome(report.eventCount(), report.errorCount(), note);
        });
    }

    @FunctionalInterface
    interface Pass {
        Workload.Outcome run(Path document) throws Exception;
    }

    record Named(String name, String description, Pass pass) implements Workload {
        @Override
        public Outcome run(Path document) throws Exception {
            return pass.run(document);
        }
    }

    /** Counts what the converter writes; the JSON-LD itself is not what is measured. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
