package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmatrace.mapping.asn.AsnSamples.NOW;
import static org.pharmatrace.mapping.asn.AsnSamples.PHARMA_856;
import static org.pharmatrace.mapping.asn.AsnSamples.corpusText;
import static org.pharmatrace.mapping.asn.AsnSamples.profile;
import static org.pharmatrace.mapping.asn.AsnSamples.readX12;
import static org.pharmatrace.mapping.asn.AsnSamples.segments;
import static org.pharmatrace.mapping.asn.AsnSamples.x12Failure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.asn.X12FunctionalAck.Kind;

class X12FunctionalAckTest {

    static String pharma() {
        return corpusText(PHARMA_856);
    }

    @Nested
    class WhenTheAsnIsValid {

        private final EdiInterchange interchange = readX12(pharma(), profile());

        @Test
        void thenThe997AcceptsItFromTheReceiverBackToTheSender() {
            String ack = X12FunctionalAck.of(interchange).render(Kind.X12_997, 42, NOW);

            assertThat(segments(ack, '~')).containsExactly(
                    "ISA*00*          *00*          *ZZ*HUBPHARMA      *ZZ*ACME3PL        *251121*0930*U*00401*000000042*0*P*>",
                    "GS*FA*HUBPHARMA*ACME3PL*20251121*0930*42*X*004010",
                    "ST*997*0001",
                    "AK1*SH*101",
                    "AK2*856*0001",
                    "AK5*A",
                    "AK9*A*1*1*1",
                    "SE*6*0001",
                    "GE*1*42",
                    "IEA*1*000000042");
            assertThat(X12FunctionalAck.of(interchange).accepted()).isTrue();
        }

        @Test
        void thenTheAckIsItselfAWellFormedInterchange() {
            String ack = X12FunctionalAck.of(interchange).render(Kind.X12_997, 42, NOW);
            EdiInterchange readBack = readX12(ack, profile());
            // the hub's reader takes only 856s; every envelope count and control number of the 997 checks out
            assertThat(readBack.errors()).extracting(EdiError::code).containsExactly(AsnErrorCode.UNSUPPORTED_TRANSACTION);
            assertThat(readBack.envelope().senderId()).isEqualTo("HUBPHARMA");
            assertThat(readBack.groups().get(0).transactions().get(0).type()).isEqualTo("997");
        }

        @Test
        void whenTheSenderAsksForATa1ThenItIsAccepted() {
            EdiInterchange asked = readX12(pharma().replace("*000000101*0*P*>", "*000000101*1*P*>"), profile());
            String ack = X12FunctionalAck.of(asked).render(Kind.X12_997, 42, NOW);
            assertThat(segments(ack, '~')).contains("TA1*000000101*251120*1200*A*000");
        }

        @Test
        void whenThePartnerSends005010AndWantsA999ThenA999IsSent() {
            String text = pharma().replace("*U*00401*", "*^*00501*").replace("*X*004010~", "*X*005010~");
            EdiInterchange v5010 = readX12(text, profile());
            Kind kind = X12FunctionalAck.kindFor(profile(Map.of(AsnConventions.X12_ACK_TYPE, "999")));

            List<String> ack = segments(X12FunctionalAck.of(v5010).render(kind, 42, NOW), '~');

            assertThat(ack.get(0)).contains("*^*00501*000000042*");
            assertThat(ack).contains("GS*FA*HUBPHARMA*ACME3PL*20251121*0930*42*X*005010X231A1", "ST*999*0001*005010X231A1",
                    "AK1*SH*101*005010", "IK5*A", "AK9*A*1*1*1", "SE*6*0001");
        }

        @Test
        void whenA999IsWantedFor004010ThenA997IsSentInstead() {
            String ack = X12FunctionalAck.of(interchange).render(Kind.X12_999, 42, NOW);
            assertThat(segments(ack, '~')).contains("ST*997*0001");
        }
    }

    @Nested
    class WhenTheAsnIsRefused {

        @Test
        void thenSegmentAndElementErrorsAreNamedInAk3AndAk4() {
            AsnFormatException e = x12Failure(pharma().replace("MAN*GM*006141410000002016", "MAN*GM*006141410000002017")
                    .replace("N4*12345-6789-0*LT*LOT-A1~\nSN1**3*EA~\nDTM*036*20271231~\nREF*SE*SN1020",
                            "N4*54321678901*LT*LOT-A1~\nSN1**3*EA~\nDTM*036*20271231~\nREF*SE*SN1020"), profile());
            List<String> ack = segments(X12FunctionalAck.of(e).render(Kind.X12_997, 43, NOW), '~');

            assertThat(ack).containsSequence("AK2*856*0001", "AK3*MAN*15**8", "AK4*2*87*7*006141410000002017",
                    "AK3*LIN*26**8", "AK4*3*234*7*54321678901", "AK5*R*5", "AK9*R*1*1*0", "SE*10*0001");
            assertThat(X12FunctionalAck.of(e).accepted()).isFalse();
        }

        @Test
        void thenStructuralErrorsFromStaediAreNamedToo() {
            String text = pharma().replace("DTM*036*20271231~\nREF*SE*SN1010", "DTM*036*2027123~\nREF*SE*SN1010");
            List<String> ack = segments(X12FunctionalAck.of(x12Failure(text, profile())).render(Kind.X12_997, 43, NOW), '~');
            assertThat(ack).containsSequence("AK3*DTM*19**8", "AK4*2*373*4*2027123", "AK4*2*373*8*2027123", "AK5*R*5");
        }

        @Test
        void whenAFailureComesFromOutsideTheModuleThenEveryTransactionIsRejected() {
            EdiInterchange valid = readX12(pharma(), profile());
            PartnerFormatException downstream = new PartnerFormatException("event 3", "INVALID_EPCIS", "the ledger refused the events");

            List<String> ack = segments(X12FunctionalAck.rejecting(valid, downstream).render(Kind.X12_997, 44, NOW), '~');

            assertThat(ack).contains("AK5*R*5", "AK9*R*1*1*0");
        }

        @Test
        void whenNoInterchangeHeaderWasReadThenThereIsNoOneToAnswer() {
            EdiInterchange garbage = readX12("hello, is this the hub?", profile());
            assertThat(garbage.errors()).extracting(EdiError::code).containsExactly(AsnErrorCode.NOT_EDI);
            assertThatThrownBy(() -> X12FunctionalAck.of(garbage)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
