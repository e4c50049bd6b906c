package org.pharmatrace.mapping.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpus;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpusText;
import static org.pharmatrace.mapping.hl7.Hl7Samples.failure;
import static org.pharmatrace.mapping.hl7.Hl7Samples.profile;
import static org.pharmatrace.mapping.hl7.Hl7Samples.v25With;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pharmatrace.mapping.PartnerFormatException;

class Hl7AcknowledgementsTest {

    private final Hl7Acknowledgements acks = new Hl7Acknowledgements(Hl7Samples.CLOCK);

    private static String[] segments(String ack) {
        return ack.split("\r");
    }

    @Test
    void anAcceptedMessageGetsAaWithSenderAndReceiverSwapped() {
        String ack = acks.accept(corpus(Hl7Samples.V25));

        String[] s = segments(ack);
        assertThat(s).hasSize(2);
        assertThat(s[0]).matches("MSH\\|\\^~\\\\&\\|HUB\\|PHARMAHUB\\|PHARMSYS\\|CORNERPHARM\\^0614141000036\\^GLN"
                + "\\|20251121150000\\+0000\\|\\|ACK\\^O13\\^ACK\\|A\\d{19}\\|P\\|2\\.5");
        assertThat(s[1]).isEqualTo("MSA|AA|MSG-0001");
        assertThat(ack).endsWith("\r");
    }

    @Test
    void aContentErrorGetsAeWithTheReasonInMsaAndErr() {
        byte[] message = v25With("OBX", Hl7DispenseMapperTest.OBX_V25.replace("(10)LOT-A1||",
                "(10)LOT-A1~(01)00312345678907(21)SN1011(10)LOT-A1||"));
        Hl7DispenseException e = failure(message, profile());

        String[] s = segments(acks.reject(message, e));

        assertThat(s).hasSize(3);
        assertThat(s[1]).startsWith("MSA|AE|MSG-0001|OBX-5 (repetition 2): ");
        assertThat(s[1].length()).isLessThanOrEqualTo("MSA|AE|MSG-0001|".length() + Hl7Acknowledgements.MSA_TEXT_LENGTH);
        assertThat(s[2]).startsWith("ERR||OBX^1^5^2|102^Data type error^HL70357|E|BAD_CHECK_DIGIT|||OBX-5 (repetition 2): ");
        assertThat(s[2]).contains("check digit");
    }

    @Test
    void unreadableInputGetsArWithoutControlId() {
        byte[] garbage = "hello, is this the pharmacy hub?".getBytes(StandardCharsets.US_ASCII);
        Hl7DispenseException e = failure(garbage, profile());

        String[] s = segments(acks.reject(garbage, e));

        assertThat(s[0]).startsWith("MSH|^~\\&|||||").contains("|ACK^O13^ACK|");
        assertThat(s[1]).isEqualTo("MSA|AR||MSH: the message does not start with an MSH segment");
        assertThat(s[2]).startsWith("ERR||MSH^1|100^Segment sequence error^HL70357|E|BAD_MSH|||");
    }

    @Test
    void aRefusedMessageTypeGetsArCarryingTheControlId() {
        byte[] adt = Hl7Samples.bytes(corpusText(Hl7Samples.V25).replace("RDS^O13^RDS_O13", "ADT^A01^ADT_A01"));
        Hl7DispenseException e = failure(adt, profile());

        String[] s = segments(acks.reject(adt, e));

        assertThat(s[0]).contains("|ACK^A01^ACK|");
        assertThat(s[1]).startsWith("MSA|AR|MSG-0001|MSH-9: message type ADT\\S\\A01 is not taken");
        assertThat(s[2]).startsWith("ERR||MSH^1^9|200^Unsupported message type^HL70357|E|UNSUPPORTED_MESSAGE_TYPE");
    }

    @Test
    void aV23MessageGetsTheOldErrLayoutAndDelimitersInTheReasonAreEscaped() {
        byte[] v23 = Hl7Samples.message("MSH|^~\\&|PHARMSYS|CORNERPHARM|HUB|PHARMAHUB|20251121093000||RDS^O01|MSG-23|T|2.3",
                "ORC|RE|ORD-1", "RXD|1|^Paracetamol^NDC|20251121|1|BX");
        PartnerFormatException e = failure(v23, profile());
        PartnerFormatException withDelimiters = new PartnerFormatException("RXD-7", "SOMETHING_ELSE", "a|b^c&d~e\\f");

        String[] s = segments(acks.reject(v23, e));
        String[] other = segments(acks.reject(v23, withDelimiters));

        assertThat(s[0]).contains("|ACK^O01|").endsWith("|T|2.3");
        assertThat(s[1]).startsWith("MSA|AE|MSG-23|RXD-2: RXD-2 give code is empty");
        assertThat(s[2]).startsWith("ERR|RXD^1^2^101&RXD-2: RXD-2 give code is empty").endsWith("&HL70357");
        assertThat(other[1]).isEqualTo("MSA|AE|MSG-23|RXD-7: a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f");
        assertThat(other[2]).startsWith("ERR|^^^207&");
    }
}
