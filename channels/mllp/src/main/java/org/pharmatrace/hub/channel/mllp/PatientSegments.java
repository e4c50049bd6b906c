package org.pharmatrace.hub.channel.mllp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes patient data out of a dispense message before anything of it is kept (the stored original, the dead-letter
 * payload). The choice made: an allowlist. Segments that say what was dispensed — MSH, SFT, ORC, TQ1/TQ2, RXO, RXE,
 * RXD, RXR, RXC and the OBX segments that carry a scanned pack — are kept as received; every other segment (PID, PD1,
 * NK1, PV1, PV2, AL1, DG1, GT1, IN1, NTE, Z-segments, OBX observations about the patient, ...) is kept as its bare
 * segment name, contents removed. Bare names keep the message's structure, and with it the segment occurrence
 * numbers that acknowledgements and dead-letter reasons refer to, so the redacted message maps exactly like the
 * received one (only a patient pseudonym, when configured, cannot be recomputed from it). Lines that are not
 * segments are dropped whole.
 */
final class PatientSegments {

    // UAC is not kept: it carries the sender's credentials (UAC-2), which must not reach originals or the DLQ
    static final Set<String> KEPT = Set.of("MSH", "SFT", "ORC", "TQ1", "TQ2", "RXO", "RXE", "RXD", "RXR", "RXC");

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final Pattern GS1_ELEMENT_STRING = Pattern.compile("^\\s*(\\(01\\)|\\][dQCe]\\d|\u001D?01\\d{14}21).*",
            Pattern.DOTALL);

    private PatientSegments() {
    }

    /**
     * The message with segments separated by CR, patient segments emptied.
     *
     * @param header the message's MSH, read before
     * @param packObxCode OBX-3.1 that marks a scanned pack ({@code hl7.packObxCode}); empty: packs by value only
     */
    static byte[] redact(byte[] received, MessageHeader header, String packObxCode) {
        String text = new String(received, MessageHeader.startOfMessage(received),
                received.length - MessageHeader.startOfMessage(received), StandardCharsets.ISO_8859_1);
        String field = Pattern.quote(String.valueOf(header.fieldSeparator()));
        String component = Pattern.quote(String.valueOf(header.componentSeparator()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(received.length);
        for (String segment : text.split("\r\n|\r|\n")) {
            String trimmed = segment.replace("\u001C", "").strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split(field, -1);
            String name = fields[0];
            if (!SEGMENT_ID.matcher(name).matches()) {
                continue;   // not a segment (a broken line): nothing of it is kept
            }
            boolean kept = KEPT.contains(name) || "OBX".equals(name) && isPack(fields, component, packObxCode);
            out.writeBytes((kept ? trimmed : name).getBytes(StandardCharsets.ISO_8859_1));
            out.write('\r');
        }
        return out.toByteArray();
    }

    private static boolean isPack(String[] obx, String component, String packObxCode) {
        String identifier = obx.length > 3 ? obx[3].split(component, -1)[0].strip() : "";
        String value = obx.length > 5 ? obx[5] : "";
        return !packObxCode.isEmpty() && packObxCode.equals(identifier) || GS1_ELEMENT_STRING.matcher(value).matches();
    }
}
