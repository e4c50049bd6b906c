package org.pharmatrace.hub.channel.mllp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MSH fields the channel needs before anything is mapped — who sent the message, its control id, its character
 * set — read by hand from the received bytes, so that the sender can be identified (and refused) whatever the rest of
 * the message holds. MSH never carries patient data.
 *
 * @param fieldSeparator MSH-1
 * @param componentSeparator the first character of MSH-2
 * @param sendingApplication MSH-3.1
 * @param sendingFacility MSH-4 components (namespace id, universal id, universal id type)
 * @param messageType MSH-9 as sent
 * @param controlId MSH-10
 * @param characterSet MSH-18
 */
record MessageHeader(char fieldSeparator, char componentSeparator, String sendingApplication,
                     List<String> sendingFacility, String messageType, String controlId, String characterSet) {

    private static final byte MLLP_START = 0x0B;

    /** The MSH of the message, or empty when the bytes do not begin with one (not HL7 v2 in ER7 encoding). */
    static Optional<MessageHeader> read(byte[] received) {
        int start = startOfMessage(received);
        int end = start;
        while (end < received.length && received[end] != '\r' && received[end] != '\n') {
            end++;
        }
        String msh = new String(received, start, end - start, StandardCharsets.ISO_8859_1);
        if (msh.length() < 8 || !msh.startsWith("MSH")) {
            return Optional.empty();
        }
        char field = msh.charAt(3);
        char component = msh.charAt(4);
        if (Character.isLetterOrDigit(field) || Character.isLetterOrDigit(component) || field == component
                || Character.isWhitespace(field)) {
            return Optional.empty();
        }
        String[] fields = msh.split(Pattern.quote(String.valueOf(field)), -1);
        List<String> facility = List.of(component(fields, 4, component, 0), component(fields, 4, component, 1),
                component(fields, 4, component, 2));
        return Optional.of(new MessageHeader(field, component, component(fields, 3, component, 0), facility,
                field(fields, 9), field(fields, 10), field(fields, 18)));
    }

    /** Where the message text begins: after MLLP framing, leading white space and a UTF-8 byte order mark. */
    static int startOfMessage(byte[] received) {
        int i = 0;
        while (i < received.length && (received[i] == MLLP_START || received[i] == ' ' || received[i] == '\r'
                || received[i] == '\n' || received[i] == '\t')) {
            i++;
        }
        if (i + 2 < received.length && received[i] == (byte) 0xEF && received[i + 1] == (byte) 0xBB
                && received[i + 2] == (byte) 0xBF) {
            i += 3;
        }
        return i;
    }

    /** MSH-n: fields[0] is "MSH" and fields[1] MSH-2, since MSH-1 is the separator itself. */
    private static String field(String[] fields, int n) {
        return n - 1 < fields.length ? fields[n - 1] : "";
    }

    private static String component(String[] fields, int n, char separator, int index) {
        String[] components = field(fields, n).split(Pattern.quote(String.valueOf(separator)), -1);
        return index < components.length ? components[index].strip() : "";
    }

    /** How the sender names itself in messages and logs: MSH-4.1 (MSH-4.2), MSH-3. */
    String sender() {
        String facility = sendingFacility.get(0).isEmpty() ? sendingFacility.get(1)
                : sendingFacility.get(1).isEmpty() ? sendingFacility.get(0)
                : sendingFacility.get(0) + " (" + sendingFacility.get(1) + ")";
        return "facility '" + facility + "' (MSH-4), application '" + sendingApplication + "' (MSH-3)";
    }
}
