package org.pharmatrace.hub.channel.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.channel.as2.As2ChannelProperties.Format;
import org.pharmatrace.hub.channel.as2.As2Partners.As2Partner;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.mapping.asn.AsnFormatException;
import org.pharmatrace.mapping.asn.DesadvMapper;
import org.pharmatrace.mapping.asn.EdiInterchange;
import org.pharmatrace.mapping.asn.EdifactContrl;
import org.pharmatrace.mapping.asn.X12AsnMapper;
import org.pharmatrace.mapping.asn.X12FunctionalAck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The steps of receiving one AS2 message that camel-as2 has decrypted: who sent it and whether its protection is
 * what the sender's profile demands, then the advance ship notice mapped to EPCIS events, captured, and
 * acknowledged. Each step leaves its result in an exchange property; a refusal is an {@link As2Refusal}.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2Reception {

    static final String PARTNER = "as2.partner";
    static final String SECURITY = "as2.security";
    static final String DOCUMENT = "as2.document";
    static final String FORMAT = "as2.format";
    static final String EVENTS = "as2.events";
    static final String ORIGINAL = "as2.original";
    static final String ACKNOWLEDGEMENT = "as2.acknowledgement";
    static final String JOB = "as2.job";

    private final As2Partners partners;
    private final ChannelIngest channels;
    private final X12AsnMapper x12 = new X12AsnMapper();
    private final DesadvMapper desadv = new DesadvMapper();
    /** Interchange control numbers of our acknowledgements (ISA13 / UNB 0020). */
    private final AtomicLong controlNumbers = new AtomicLong(System.currentTimeMillis() / 1000 % 900_000_000L);

    public As2Reception(As2Partners partners, ChannelIngest channels) {
        this.partners = partners;
        this.channels = channels;
    }

    /** The sender (already screened as registered) and the protection its message came with, against its profile. */
    public void checkSenderAndSecurity(Exchange exchange) throws HttpException {
        HttpCoreContext context = As2Outcome.httpContext(exchange);
        ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
        String from = request.getFirstHeader(AS2Header.AS2_FROM).getValue();
        As2Partner partner = partners.byAs2Id(from).orElseThrow(() -> new As2Refusal(
                AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED, Stage.AUTHORISATION, null,
                "AS2-From '" + from + "' is not a registered partner"));
        exchange.setProperty(PARTNER, partner);
        As2MessageSecurity security = As2MessageSecurity.of((MimeEntity) request.getEntity(), partners.privateKey(),
                partner.certificate());
        exchange.setProperty(SECURITY, security);
        As2ChannelProperties.Partner profile = partner.settings();
        if (security.signed() && !security.signatureValid()) {
            throw new As2Refusal(AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED, Stage.AUTHORISATION, partner,
                    "the signature does not verify with the certificate registered for " + partner.as2Id() + " ("
                            + partner.certificate().getSubjectX500Principal().getName() + ")");
        }
        if (profile.requireSigned() && !security.signed() || profile.requireEncrypted() && !security.encrypted()) {
            String required = profile.requireSigned() && profile.requireEncrypted() ? "signed and encrypted"
                    : profile.requireSigned() ? "signed" : "encrypted";
            throw new As2Refusal(AS2DispositionModifier.ERROR_INSUFFICIENT_MESSAGE_SECURITY, Stage.AUTHORISATION,
                    partner, "the profile of " + partner.as2Id() + " requires " + required + " messages; this one is "
                            + security.describe());
        }
        if (security.compressed() && !profile.allowCompressed()) {
            throw new As2Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR, Stage.RECEIVE, partner,
                    "the profile of " + partner.as2Id() + " does not allow compressed messages");
        }
    }

    /** Which of the partner's formats the document is, by its AS2 media type, else by its first segment. */
    public void recogniseFormat(Exchange exchange) {
        As2Partner partner = exchange.getProperty(PARTNER, As2Partner.class);
        byte[] document = exchange.getIn().getBody(byte[].class);
        exchange.setProperty(DOCUMENT, document);
        String mediaType = exchange.getProperty(SECURITY, As2MessageSecurity.class).documentMediaType();
        String start = new String(document, 0, Math.min(document.length, 16), StandardCharsets.ISO_8859_1).strip();
        Format format = "application/edi-x12".equals(mediaType) || start.startsWith("ISA") ? Format.X12_856
                : "application/edifact".equals(mediaType) || start.startsWith("UNA") || start.startsWith("UNB")
                        ? Format.EDIFACT_DESADV : null;
        if (format == null || !partner.settings().formats().contains(format)) {
            throw new As2Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR, Stage.RECEIVE, partner,
                    "the document (" + mediaType + ", starting '" + start.replaceAll("\\s+", " ") + "') is none of the "
                            + "formats " + partner.as2Id() + " sends: " + partner.settings().formats());
        }
        exchange.setProperty(FORMAT, format);
    }

    /** Keeps the document as received, before anything is mapped. */
    public void keepOriginal(Exchange exchange) throws IOException {
        Format format = exchange.getProperty(FORMAT, Format.class);
        exchange.setProperty(ORIGINAL, channels.keepOriginal(exchange.getProperty(DOCUMENT, byte[].class),
                format.mediaType()));
    }

    /**
     * Maps the interchange, all or nothing, and prepares the functional acknowledgement either way; a refused
     * interchange is an {@link As2Refusal} carrying the acknowledgement that names the segments in error.
     */
    public void mapAdvanceShipNotice(Exchange exchange) {
        As2Partner partner = exchange.getProperty(PARTNER, As2Partner.class);
        Format format = exchange.getProperty(FORMAT, Format.class);
        byte[] document = exchange.getProperty(DOCUMENT, byte[].class);
        List<EpcisEvent> events = new ArrayList<>();
        EdiInterchange interchange = null;
        try {
            interchange = format == Format.X12_856
                    ? x12.read(new ByteArrayInputStream(document), partner.profile())
                    : desadv.read(new ByteArrayInputStream(document), partner.profile());
            if (format == Format.X12_856) {
                x12.map(interchange, partner.profile(), events::add);
            } else {
                desadv.map(interchange, partner.profile(), events::add);
            }
        } catch (AsnFormatException refused) {
            EdiInterchange read = refused.interchange() != null ? refused.interchange() : interchange;
            throw new As2Refusal(AS2DispositionModifier.createWarning("edi-interchange-refused"), Stage.VALIDATION,
                    partner, format.name().toLowerCase().replace('_', '-') + " refused: " + refused.getMessage(),
                    acknowledgement(partner, format, read), refused);
        }
        exchange.setProperty(EVENTS, events);
        exchange.setProperty(ACKNOWLEDGEMENT, acknowledgement(partner, format, interchange));
    }

    /** Captures the events; answers only once they are on the canonical topic or dead-lettered. */
    public void ingest(Exchange exchange) {
        As2Partner partner = exchange.getProperty(PARTNER, As2Partner.class);
        ChannelIngest.StoredOriginal original = exchange.getProperty(ORIGINAL, ChannelIngest.StoredOriginal.class);
        @SuppressWarnings("unchecked")
        List<EpcisEvent> events = exchange.getProperty(EVENTS, List.class);
        CaptureJob job = channels.ingest(IngestRequest.mappedEvents(channels.partner(partner.hubPartner()), "as2",
                original.reference(), original.sha256(), events));
        exchange.setProperty(JOB, job);
        String outcome = exchange.getProperty(FORMAT, Format.class).name().toLowerCase().replace('_', '-')
                + " captured as " + job.captureId() + ": " + job.acceptedCount() + " of " + job.eventCount()
                + " events accepted";
        if (job.rejectedCount() > 0) {
            As2Outcome.refused(As2Outcome.httpContext(exchange), AS2DispositionModifier.createWarning(
                    job.rejectedCount() + " events dead-lettered"), outcome + ", " + job.rejectedCount()
                            + " dead-lettered (" + job.errors().get(0).detail() + ")");
        } else {
            As2Outcome.processed(As2Outcome.httpContext(exchange), outcome);
        }
    }

    /** The acknowledgement for this interchange, or null when its envelope could not be read (no one to answer). */
    FunctionalAcknowledgement acknowledgement(As2Partner partner, Format format, EdiInterchange interchange) {
        if (interchange == null || interchange.envelope() == null) {
            return null;
        }
        long control = controlNumbers.updateAndGet(n -> n >= 999_999_999L ? 1 : n + 1);
        if (format == Format.X12_856) {
            X12FunctionalAck ack = X12FunctionalAck.of(interchange);
            return new FunctionalAcknowledgement(partner.as2Id(), format.mediaType(),
                    ack.render(X12FunctionalAck.kindFor(partner.profile()), control, LocalDateTime.now()),
                    ack.accepted());
        }
        EdifactContrl contrl = EdifactContrl.of(interchange);
        return new FunctionalAcknowledgement(partner.as2Id(), format.mediaType(),
                contrl.render(Long.toString(control), LocalDateTime.now()), contrl.accepted());
    }
}
