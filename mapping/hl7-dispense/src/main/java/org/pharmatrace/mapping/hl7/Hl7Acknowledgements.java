package org.pharmatrace.mapping.hl7;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.pharmatrace.mapping.PartnerFormatException;

/**
 * Builds the HL7 v2 original-mode acknowledgement (ACK) for a received dispense message, in ER7 with CR between
 * segments: the MSH with sender and receiver swapped, MSA-1 AA when the message was mapped, AE (content error) or
 * AR (refused unread) when not, MSA-2 the message's control id, the reason in MSA-3 and in an ERR segment (v2.5+
 * layout — ERL location, table 0357 code, severity, the hub's code, the full text — or the v2.3/2.4 ELD layout). Works
 * from the raw bytes, so input no parser takes still gets an AR. The reason text is the exception's message, which
 * this module's mapper never builds from patient segments.
 */
public final class Hl7Acknowledgements {

    /** MSA-3 is ST of 80 characters up to v2.5. */
    static final int MSA_TEXT_LENGTH = 80;
    /** ERR-8 user message (TX). */
    static final int ERR_TEXT_LENGTH = 250;

    private static final DateTimeFormatter MSH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter CONTROL_ID_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS");

    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    public Hl7Acknowledgements() {
        this(Clock.systemUTC());
    }

    /** @param clock gives MSH-7 and the ACK's control id */
    public Hl7Acknowledgements(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** AA: the message was mapped. */
    public String accept(byte[] received) {
        return acknowledge(received, null);
    }

    /** AE or AR (see {@link #acknowledgementCode(PartnerFormatException)}) with the reason. */
    public String reject(byte[] received, PartnerFormatException failure) {
        return acknowledge(received, Objects.requireNonNull(failure, "failure"));
    }

    /** AR for codes of {@link Hl7ErrorCode} that refuse the message unread, AE for all other failures. */
    public static String acknowledgementCode(PartnerFormatException failure) {
        Hl7ErrorCode code = Hl7ErrorCode.of(failure.code());
        return code == null ? "AE" : code.acknowledgementCode();
    }

    /**
     * The ACK for a received message: AA when {@code failure} is null, else AE/AR with the reason.
     *
     * @param received the bytes as received (framing and all); may be anything, even empty
     */
    public String acknowledge(byte[] received, PartnerFormatException failure) {
        Er7Message.Header in = Er7Message.headerOrNull(received);
        Delimiters d = in == null ? Delimiters.STANDARD
                : new Delimiters(in.fieldSeparator(), in.componentSeparator(), in.repetitionSeparator(),
                in.escapeCharacter(), in.subcomponentSeparator());
        String version = in == null || in.version().isEmpty() || in.version().length() > 8 ? "2.5" : in.version();
        String trigger = in == null || in.triggerEvent().isEmpty() ? "O13" : in.triggerEvent();
        boolean v25 = !version.startsWith("2.3") && !version.startsWith("2.4") && !version.startsWith("2.2");
        OffsetDateTime now = OffsetDateTime.now(clock);

        String f = String.valueOf(d.field);
        StringBuilder ack = new StringBuilder(256);
        ack.append("MSH").append(f).append(d.encodingCharacters())
                .append(f).append(in == null ? "" : in.field(5))
                .append(f).append(in == null ? "" : in.field(6))
                .append(f).append(in == null ? "" : in.field(3))
                .append(f).append(in == null ? "" : in.field(4))
                .append(f).append(MSH_TIME.format(now))
                .append(f)
                .append(f).append("ACK").append(d.component).append(d.escape(trigger));
        if (v25) {
            ack.append(d.component).append("ACK");
        }
        ack.append(f).append(controlId(now))
                .append(f).append(in == null || in.processingId().isEmpty() ? "P" : d.escape(in.processingId()))
                .append(f).append(d.escape(version))
                .append('\r');

        String code = failure == null ? "AA" : acknowledgementCode(failure);
        String controlId = in == null ? "" : in.controlId();
        ack.append("MSA").append(f).append(code).append(f).append(controlId);
        if (failure != null) {
            String reason = reasonOf(failure);
            ack.append(f).append(d.escape(truncate(reason, MSA_TEXT_LENGTH))).append('\r');
            ack.append(v25 ? err25(failure, reason, d) : err23(failure, reason, d));
        }
        ack.append('\r');
        return ack.toString();
    }

    private String controlId(OffsetDateTime now) {
        // 20 characters, the MSH-10 limit up to v2.6: A + time to the millisecond + a 4-digit counter.
        return "A" + CONTROL_ID_TIME.format(now.withOffsetSameInstant(ZoneOffset.UTC))
                + String.format("%04d", Math.floorMod(sequence.getAndIncrement(), 10_000));
    }

    private static String reasonOf(PartnerFormatException failure) {
        String message = failure.getMessage();
        return message == null ? failure.code() : message.replace('\r', ' ').replace('\n', ' ');
    }

    /** ERR in the v2.5+ layout: ERR-2 location, ERR-3 HL7 error code, ERR-4 severity, ERR-5 hub code, ERR-8 text. */
    private static String err25(PartnerFormatException failure, String reason, Delimiters d) {
        Hl7ErrorCode code = Hl7ErrorCode.of(failure.code());
        Hl7Location at = failure instanceof Hl7DispenseException ? ((Hl7DispenseException) failure).hl7Location() : null;
        String c = String.valueOf(d.component);
        String f = String.valueOf(d.field);
        String location = at == null ? "" : String.join(c, at.segment(), String.valueOf(at.occurrence()),
                at.field() > 0 ? String.valueOf(at.field()) : "", at.repetition() > 0 ? String.valueOf(at.repetition()) : "",
                at.component() > 0 ? String.valueOf(at.component()) : "");
        location = location.replaceAll(java.util.regex.Pattern.quote(c) + "+$", "");
        int hl7Code = code == null ? 207 : code.hl7ErrorCode();
        String hl7Text = code == null ? "Application internal error" : code.hl7ErrorText();
        return "ERR" + f + f + location
                + f + hl7Code + c + hl7Text + c + "HL70357"
                + f + "E"
                + f + d.escape(failure.code() == null ? "" : failure.code())
                + f + f
                + f + d.escape(truncate(reason, ERR_TEXT_LENGTH));
    }

    /** ERR in the v2.3/2.4 layout: ERR-1 = segment^sequence^field^code&text&HL70357. */
    private static String err23(PartnerFormatException failure, String reason, Delimiters d) {
        Hl7ErrorCode code = Hl7ErrorCode.of(failure.code());
        Hl7Location at = failure instanceof Hl7DispenseException ? ((Hl7DispenseException) failure).hl7Location() : null;
        String c = String.valueOf(d.component);
        String s = String.valueOf(d.subcomponent);
        int hl7Code = code == null ? 207 : code.hl7ErrorCode();
        return "ERR" + d.field
                + (at == null ? "" : at.segment()) + c + (at == null ? "" : at.occurrence())
                + c + (at == null || at.field() == 0 ? "" : at.field())
                + c + hl7Code + s + d.escape(truncate(reason, ERR_TEXT_LENGTH)) + s + "HL70357";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The delimiters of the message being acknowledged, and HL7 escaping with them. */
    private record Delimiters(char field, char component, char repetition, char escape, char subcomponent) {
        static final Delimiters STANDARD = new Delimiters('|', '^', '~', '\\', '&');

        String encodingCharacters() {
            return "" + component + repetition + escape + subcomponent;
        }

        String escape(String text) {
            StringBuilder s = new StringBuilder(text.length() + 8);
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == escape) {
                    s.append(escape).append('E').append(escape);
                } else if (ch == field) {
                    s.append(escape).append('F').append(escape);
                } else if (ch == component) {
                    s.append(escape).append('S').append(escape);
                } else if (ch == repetition) {
                    s.append(escape).append('R').append(escape);
                } else if (ch == subcomponent) {
                    s.append(escape).append('T').append(escape);
                } else if (ch < 0x20) {
                    s.append(' ');
                } else {
                    s.append(ch);
                }
            }
            return s.toString();
        }
    }
}
