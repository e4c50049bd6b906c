package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.PartnerEntitlements;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.serial.SerialCsvMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds a partner file to the hub's ingest path, whole or not at all: a first pass reads the entire file (serial
 * CSV through the mapper, EPCIS through the streaming reader) and refuses it at the first error, naming the line or
 * event; only a file that reads through is ingested, in a second streaming pass. Both passes read the local copy,
 * so memory stays bounded whatever the file's size.
 */
@Component
public class PartnerFileIngest {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerFileIngest.class);
    static final String CHANNEL = "sftp";

    /** Exchange property carrying the schema pass's findings (event index → problems) to the ingest pass. */
    static final String SCHEMA_FINDINGS = "sftpSchemaFindings";

    private final ChannelIngest channels;
    private final IngestMetrics metrics;
    private final PartnerEntitlements entitlements;
    private final SerialCsvMapper mapper = new SerialCsvMapper();
    private final EpcisValidator validator = new EpcisValidator();

    public PartnerFileIngest(ChannelIngest channels, IngestMetrics metrics, PartnerEntitlements entitlements) {
        this.channels = channels;
        this.metrics = metrics;
        this.entitlements = entitlements;
    }

    /** First pass over a serial file: every row maps, or the file is refused at the first bad one. */
    public void checkSerialFile(Exchange exchange) throws IOException {
        readThroughSerialFile(PartnerFiles.file(exchange));
    }

    /** Second pass: the commissioning events stream into the hub as the mapper produces them. */
    public void ingestSerialFile(Exchange exchange) {
        PartnerFile file = PartnerFiles.file(exchange);
        accepted(exchange, file, streamSerialFile(file));
    }

    /**
     * First pass over an EPCIS document, as {@code /capture} checks one: its schema and the EPCIS/CBV rules (a
     * document-level error refuses the file; invalid events are set aside for the DLQ) and what the partner may claim
     * in its header. The findings travel to the second pass.
     */
    public void checkEpcisFile(Exchange exchange) throws IOException {
        exchange.setProperty(SCHEMA_FINDINGS, readThroughEpcisFile(PartnerFiles.file(exchange)));
    }

    /** Second pass: the document's events stream into the hub; each is checked there (EPCIS/CBV rules, entitlements). */
    @SuppressWarnings("unchecked")
    public void ingestEpcisFile(Exchange exchange) throws IOException {
        PartnerFile file = PartnerFiles.file(exchange);
        accepted(exchange, file, streamEpcisFile(file, exchange.getProperty(SCHEMA_FINDINGS, Map.class)));
    }

    /** Both passes over a file, whatever it holds, for a file reprocessed from the dead-letter queue. */
    CaptureJob readThroughAndIngest(PartnerFile file) throws IOException {
        if (file.kind() == PartnerFile.Kind.SERIAL_CSV) {
            readThroughSerialFile(file);
            return streamSerialFile(file);
        }
        return streamEpcisFile(file, readThroughEpcisFile(file));
    }

    private void readThroughSerialFile(PartnerFile file) throws IOException {
        long[] events = {0};
        try (InputStream in = Files.newInputStream(file.localCopy())) {
            mapper.map(in, file.folder().profile(), event -> events[0]++);
        } catch (PartnerFormatException e) {
            throw new PartnerFileRejectedException(e.location(), e.code(), message(e), Stage.VALIDATION, null, e);
        }
        LOG.info("{}: serial file maps to {} commissioning events", file, events[0]);
    }

    private CaptureJob streamSerialFile(PartnerFile file) {
        try (SerialEventStream events = new SerialEventStream(mapper, file.localCopy(), file.folder().profile(),
                "sftp-serial-" + file.partnerId())) {
            return ingest(file, null, events, events, Map.of());
        }
    }

    private Map<Long, List<EventProblem>> readThroughEpcisFile(PartnerFile file) throws IOException {
        // a document that does not even read is refused where it breaks, before the schema pass reports it otherwise
        try (InputStream in = Files.newInputStream(file.localCopy()); EpcisEventReader reader = EpcisReaders.open(in)) {
            reader.forEachRemaining(e -> { });
        } catch (EpcisFormatException e) {
            String location = e.eventIndex() >= 0 ? "event " + e.eventIndex() : "document";
            throw new PartnerFileRejectedException(location, "UNREADABLE_EPCIS", e.getMessage(), Stage.VALIDATION,
                    null, e);
        }
        ValidationReport report = validator.validate(file.localCopy());
        List<EventProblem> problems = report.errors().stream().map(EventProblem::of).toList();
        EventProblem documentLevel = problems.stream().filter(p -> p.eventIndex() < 0).findFirst().orElse(null);
        if (report.format() == null || documentLevel != null) {
            throw new PartnerFileRejectedException("document", "INVALID_EPCIS",
                    documentLevel == null ? "not an EPCIS document" : documentLevel.toString(), Stage.VALIDATION, null, null);
        }
        if (report.eventCount() == 0) {
            throw new PartnerFileRejectedException("document", "NO_EVENTS", "the EPCIS document has no events",
                    Stage.VALIDATION, null, null);
        }
        if (report.errorCount() > report.errors().size()) {
            throw new PartnerFileRejectedException("document", "TOO_MANY_ERRORS", "the document has "
                    + report.errorCount() + " errors, too many to capture its valid events separately; the first is: "
                    + problems.get(0), Stage.VALIDATION, null, null);
        }
        try (InputStream in = Files.newInputStream(file.localCopy()); EpcisEventReader reader = EpcisReaders.open(in)) {
            List<EventProblem> claims = entitlements.checkDocument(reader.document(), file.folder().partner());
            if (!claims.isEmpty()) {
                throw new PartnerFileRejectedException("document", "NOT_ENTITLED", claims.get(0).toString(),
                        Stage.AUTHORISATION, null, null);
            }
        }
        LOG.info("{}: {} with {} events, {} of them invalid", file, report.formatName(), report.eventCount(),
                problems.stream().map(EventProblem::eventIndex).distinct().count());
        Map<Long, List<EventProblem>> byEvent = new LinkedHashMap<>();
        problems.forEach(p -> byEvent.computeIfAbsent(p.eventIndex(), i -> new ArrayList<>()).add(p));
        return byEvent;
    }

    private CaptureJob streamEpcisFile(PartnerFile file, Map<Long, List<EventProblem>> schemaFindings) throws IOException {
        InputStream in = Files.newInputStream(file.localCopy());
        EpcisEventReader reader;
        try {
            reader = EpcisReaders.open(in);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        try (in; reader) {
            return ingest(file, formatName(reader.format()), reader, reader, schemaFindings);
        }
    }

    private CaptureJob ingest(PartnerFile file, String format, Iterator<EpcisEvent> events, AutoCloseable source,
                              Map<Long, List<EventProblem>> knownProblems) {
        return channels.ingest(new IngestRequest(null, file.folder().partner(), CHANNEL, file.originalReference(),
                file.sha256(), format, null, events, 0, knownProblems, null, source));
    }

    /** The file is done with when the hub accepted at least one of its events; else it is refused as a whole. */
    private void accepted(Exchange exchange, PartnerFile file, CaptureJob job) {
        exchange.getMessage().setBody(job);
        if (job.eventCount() > 0 && job.acceptedCount() == 0) {
            String reasons = job.errors().stream().limit(5).map(CaptureError::detail).collect(Collectors.joining("; "));
            CaptureError first = job.errors().isEmpty() ? null : job.errors().get(0);
            throw new PartnerFileRejectedException(first == null ? "file" : "event " + first.eventIndex(),
                    "NO_EVENT_ACCEPTED", "none of the " + job.eventCount() + " events was accepted (capture "
                    + job.captureId() + ", each refused event is in the dead-letter queue): " + reasons,
                    first == null ? Stage.VALIDATION : first.stage(), job.captureId(), null);
        }
        metrics.document(file.partnerId(), CHANNEL, "accepted");
        LOG.info("{}: capture {} ({} of {} events accepted, {} dead-lettered)", file, job.captureId(),
                job.acceptedCount(), job.eventCount(), job.rejectedCount());
    }

    private static String message(PartnerFormatException e) {
        String m = e.getMessage();
        return e.location() != null && m.startsWith(e.location() + ": ") ? m.substring(e.location().length() + 2) : m;
    }

    private static String formatName(EpcisFormat format) {
        return switch (format) {
            case XML_2_0 -> "EPCIS 2.0 XML";
            case XML_1_2 -> "EPCIS 1.2 XML";
            case JSON_LD -> "EPCIS 2.0 JSON-LD";
        };
    }
}
