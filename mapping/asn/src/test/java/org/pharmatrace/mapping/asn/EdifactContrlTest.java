package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmatrace.mapping.asn.AsnSamples.NOW;
import static org.pharmatrace.mapping.asn.AsnSamples.PHARMA_856;
import static org.pharmatrace.mapping.asn.AsnSamples.PHARMA_DESADV;
import static org.pharmatrace.mapping.asn.AsnSamples.corpusText;
import static org.pharmatrace.mapping.asn.AsnSamples.desadvFailure;
import static org.pharmatrace.mapping.asn.AsnSamples.profile;
import static org.pharmatrace.mapping.asn.AsnSamples.readDesadv;
import static org.pharmatrace.mapping.asn.AsnSamples.segments;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.mapping.PartnerFormatException;

class EdifactContrlTest {

    static String desadv() {
        return corpusText(PHARMA_DESADV);
    }

    @Nested
    class WhenTheDesadvIsValid {

        private final EdiInterchange interchange = readDesadv(desadv(), profile());

        @Test
        void thenTheContrlAcknowledgesItFromTheRecipientBackToTheSender() {
            String contrl = EdifactContrl.of(interchange).render("HUB42", NOW);

            assertThat(segments(contrl, '\'')).containsExactly(
                    "UNB+UNOC:3+0614141000029:14+0614141000012:14+251121:0930+HUB42",
                    "UNH+1+CONTRL:D:3:UN:EAN002",
                    "UCI+DES1+0614141000012:14+0614141000029:14+7",
                    "UCM+1+DESADV:D:96A:UN:EAN005+7",
                    "UNT+4+1",
                    "UNZ+1+HUB42");
            assertThat(EdifactContrl.of(interchange).accepted()).isTrue();
        }

        @Test
        void thenTheContrlIsItselfAWellFormedInterchange() {
            EdiInterchange readBack = readDesadv(EdifactContrl.of(interchange).render("HUB42", NOW), profile());
            // the hub's reader takes only DESADV; every envelope count and reference of the CONTRL checks out
            assertThat(readBack.errors()).extracting(EdiError::code).containsExactly(AsnErrorCode.UNSUPPORTED_TRANSACTION);
            assertThat(readBack.envelope().senderId()).isEqualTo("0614141000029");
        }

        @Test
        void whenTheSenderUsesOtherDelimitersThenTheContrlUsesThemWithAUna() {
            String starred = desadv().replace("UNA:+.? '", "UNA:*.? '").replace('+', '*');
            EdiInterchange other = readDesadv(starred, profile());
            assertThat(other.errors()).isEmpty();
            String contrl = EdifactContrl.of(other).render("HUB42", NOW);
            assertThat(contrl).startsWith("UNA:*.? '\nUNB*UNOC:3*0614141000029:14");
        }
    }

    @Nested
    class WhenTheDesadvIsRefused {

        @Test
        void thenEachSegmentInErrorHasAUcsAndItsElementsUcds() {
            String text = desadv().replace("QTY+12:7'", "QTY+12:7x'");
            AsnFormatException e = desadvFailure(text, profile());
            List<String> contrl = segments(EdifactContrl.of(e).render("HUB43", NOW), '\'');

            assertThat(contrl).containsSequence("UCI+DES1+0614141000012:14+0614141000029:14+4",
                    "UCM+1+DESADV:D:96A:UN:EAN005+4", "UCS+16", "UCD+21+1:2", "UNT+6+1");
        }

        @Test
        void whenAFailureComesFromOutsideTheModuleThenTheMessageIsRejected() {
            EdiInterchange valid = readDesadv(desadv(), profile());
            PartnerFormatException downstream = new PartnerFormatException("event 2", "INVALID_EPCIS", "refused");
            List<String> contrl = segments(EdifactContrl.rejecting(valid, downstream).render("HUB44", NOW), '\'');
            assertThat(contrl).contains("UCI+DES1+0614141000012:14+0614141000029:14+4", "UCM+1+DESADV:D:96A:UN:EAN005+4+18");
        }

        @Test
        void whenTheInterchangeIsX12ThenThereIsNoContrl() {
            EdiInterchange x12 = readDesadv(corpusText(PHARMA_856), profile());
            assertThat(x12.errors()).extracting(EdiError::code).containsExactly(AsnErrorCode.NOT_EDI);
            assertThatThrownBy(() -> EdifactContrl.of(x12)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
