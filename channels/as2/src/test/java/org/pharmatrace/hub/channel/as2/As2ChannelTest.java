package org.pharmatrace.hub.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.TestKafka;
import org.pharmatrace.hub.channel.as2.As2LibPartner.Receipt;
import org.pharmatrace.hub.channel.as2.As2LibPartner.Sending;

/**
 * The AS2 channel against an independent AS2 implementation (as2-lib) as the partner, a real Kafka broker and the
 * shared corpus: what a partner sends as its profile demands is captured and answered with a signed "processed"
 * MDN carrying the right MIC; anything weaker, or from someone unknown, gets an error disposition and a dead letter.
 */
class As2ChannelTest extends As2ChannelIntegrationTest {

    @Test
    void aSignedEncrypted856IsCapturedAndAnsweredWithASignedProcessedMdnWithTheRightMic() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), corpus("x12/pharma-asn-856.edi"),
                "application/edi-x12");

        assertThat(receipt.disposition()).isEqualTo(PROCESSED);
        assertThat(receipt.micMatched()).isTrue();
        assertThat(receipt.signer()).isEqualTo(HUB.certificate());
        String captureId = captureIdIn(receipt);
        List<ConsumerRecord<String, String>> records = recordsOf(captureId);
        assertThat(records).hasSize(4).allSatisfy(r -> {
            assertThat(TestKafka.header(r, "channel")).isEqualTo("as2");
            assertThat(TestKafka.header(r, "partner")).isEqualTo("acme");
        });
        assertThat(records).extracting(r -> json.readTree(r.value()).get("bizStep").asText())
                .containsOnly("packing", "shipping");
        assertThat(ACME_AS2_SERVER.await(ack -> ack.content().contains("AK1*SH*101"), ACK_WAIT))
                .as("997 received by the partner's AS2 server").hasValueSatisfying(ack -> {
                    assertThat(ack.contentType()).startsWith("application/edi-x12");
                    assertThat(ack.content()).startsWith("ISA*00*          *00*          *ZZ*HUBPHARMA      *ZZ*ACME3PL")
                            .contains("ST*997*", "AK2*856*0001", "AK5*A", "AK9*A*1*1*1");
                });
    }

    @Test
    void every856OfSeveralInARowIsAcknowledgedAtThePartnersAs2Server() throws Exception {
        // more than camel-as2's client holds connections per partner (5): they used to stall the acknowledgements
        List<Integer> groups = List.of(911, 912, 913, 914, 915, 916, 917, 918);
        for (int group : groups) {
            byte[] notice = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                    .replace("*101*X*004010~", "*" + group + "*X*004010~").replace("GE*1*101~", "GE*1*" + group + "~")
                    .replace("ASN-20251120-01", "ASN-ROW-" + group).replace("SN10", "SN" + group)
                    .getBytes(StandardCharsets.US_ASCII);
            Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), notice, "application/edi-x12");
            assertThat(receipt.disposition()).as(receipt.text()).isEqualTo(PROCESSED);
        }

        for (int group : groups) {
            assertThat(ACME_AS2_SERVER.await(ack -> ack.content().contains("AK1*SH*" + group), ACK_WAIT))
                    .as("997 for group %d at the partner's AS2 server", group)
                    .hasValueSatisfying(ack -> assertThat(ack.content()).contains("ST*997*", "AK5*A"));
        }
    }

    @Test
    void an856WithAWrongSegmentCountIsRefusedWithA997NamingTheError() throws Exception {
        byte[] wrongCount = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                .replace("*101*X*004010~", "*777*X*004010~").replace("GE*1*101~", "GE*1*777~")
                .replace("SE*33*0001~", "SE*30*0001~").getBytes(StandardCharsets.US_ASCII);

        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), wrongCount, "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/warning:edi-interchange-refused");
        assertThat(receipt.micMatched()).isTrue();
        assertThat(receipt.text()).contains("x12-856 refused: ");
        JsonNode entry = deadLetter(receipt);
        assertThat(entry.get("stage").asText()).isEqualTo("validation");
        assertThat(entry.get("payload").asText()).contains("SE*30*0001~");
        assertThat(entry.get("sourceDocument").asText()).startsWith("local:sha256:");
        assertThat(ACME_AS2_SERVER.await(ack -> ack.content().contains("AK1*SH*777"), ACK_WAIT))
                .as("rejecting 997").hasValueSatisfying(ack -> assertThat(ack.content())
                        .contains("AK2*856*0001", "AK5*R*4", "AK9*R*1*1*0"));
    }

    @Test
    void an856WithABadCheckDigitIsRefusedWithA997NamingTheSegment() throws Exception {
        byte[] badSscc = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                .replace("*101*X*004010~", "*778*X*004010~").replace("GE*1*101~", "GE*1*778~")
                .replace("MAN*GM*006141410000002016~", "MAN*GM*006141410000002017~")
                .getBytes(StandardCharsets.US_ASCII);

        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), badSscc, "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/warning:edi-interchange-refused");
        assertThat(receipt.text()).contains("(MAN)");
        assertThat(deadLetter(receipt).get("stage").asText()).isEqualTo("validation");
        assertThat(ACME_AS2_SERVER.await(ack -> ack.content().contains("AK1*SH*778"), ACK_WAIT))
                .as("rejecting 997").hasValueSatisfying(ack -> assertThat(ack.content())
                        .contains("AK3*MAN*", "AK5*R", "AK9*R"));
    }

    @Test
    void anUnsignedMessageFromAPartnerThatMustSignIsRefusedAndDeadLettered() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME).unsigned(),
                corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/error:insufficient-message-security");
        assertThat(receipt.text()).contains("requires signed and encrypted messages; this one is unsigned, encrypted");
        JsonNode entry = deadLetter(receipt);
        assertThat(entry.get("stage").asText()).isEqualTo("authorisation");
        assertThat(entry.get("partner").asText()).isEqualTo("acme");
        assertThat(entry.get("channel").asText()).isEqualTo("as2");
        assertThat(entry.get("payload").asText()).startsWith("ISA*00*");
    }

    @Test
    void anUnencryptedMessageFromAPartnerThatMustEncryptIsRefusedAndDeadLettered() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME).unencrypted(),
                corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/error:insufficient-message-security");
        assertThat(receipt.text()).contains("requires encrypted messages; this one is not encrypted");
        JsonNode entry = deadLetter(receipt);
        assertThat(entry.get("stage").asText()).isEqualTo("authorisation");
        assertThat(entry.get("partner").asText()).isEqualTo("acme");
    }

    @Test
    void aSignedUnencryptedMessageFromAPartnerAllowedToSendUnencryptedIsCaptured() throws Exception {
        Sending signedOnly = Sending.signedAndEncrypted(ACME_UNENCRYPTED_AS2_ID, ACME).unencrypted().inBinary();

        Receipt receipt = acme.send(signedOnly, corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).as(receipt.text()).isEqualTo(PROCESSED);
        assertThat(receipt.micMatched()).isTrue();
        assertThat(receipt.signer()).isEqualTo(HUB.certificate());
        assertThat(recordsOf(captureIdIn(receipt))).hasSize(4);
    }

    @Test
    void aMessageSignedWithAnotherKeyFailsAuthentication() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, STRANGER),
                corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/error:authentication-failed");
        assertThat(receipt.text()).contains("signature does not verify with the certificate registered for "
                + ACME_AS2_ID);
        assertThat(deadLetter(receipt).get("stage").asText()).isEqualTo("authorisation");
    }

    @Test
    void anUnknownSenderIsRefused() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted("SOMEONE-ELSE", STRANGER),
                corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/error:authentication-failed");
        assertThat(receipt.text()).contains("AS2-From 'SOMEONE-ELSE' is not a registered partner");
        JsonNode entry = deadLetter(receipt);
        assertThat(entry.has("partner")).isFalse();
        assertThat(entry.get("reason").asText()).contains("SOMEONE-ELSE");
    }

    @Test
    void aSignedEncryptedDesadvIsCaptured() throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME),
                corpus("edifact/pharma-desadv.edi"), "application/edifact");

        assertThat(receipt.disposition()).isEqualTo(PROCESSED);
        assertThat(receipt.micMatched()).isTrue();
        assertThat(recordsOf(captureIdIn(receipt))).hasSize(3);
        assertThat(ACME_AS2_SERVER.await(ack -> ack.content().contains("CONTRL"), ACK_WAIT))
                .as("CONTRL received by the partner's AS2 server").hasValueSatisfying(ack -> {
                    assertThat(ack.contentType()).startsWith("application/edifact");
                    assertThat(ack.content()).contains("UCI+DES1+0614141000012:14+0614141000029:14+7");
                });
    }

    @Test
    void aCompressedSignedEncrypted856IsCaptured() throws Exception {
        byte[] other = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                .replace("ASN-20251120-01", "ASN-20251120-02").replace("SN10", "SN30")
                .getBytes(StandardCharsets.US_ASCII);
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME).compressed(), other,
                "application/edi-x12");

        assertThat(receipt.disposition()).isEqualTo(PROCESSED);
        assertThat(receipt.micMatched()).isTrue();
        assertThat(recordsOf(captureIdIn(receipt))).hasSize(4);
    }

    @Test
    void anAsynchronousMdnGoesToTheConfiguredUrlAndARequestForAnotherUrlIsRefused() throws Exception {
        byte[] asn = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                .replace("ASN-20251120-01", "ASN-20251120-03").replace("SN10", "SN40")
                .getBytes(StandardCharsets.US_ASCII);
        acme.send(Sending.signedAndEncrypted(ACME_ASYNC_AS2_ID, ACME).asyncMdnTo(ACME_MDN_INBOX.url()), asn,
                "application/edi-x12");
        String mdn = ACME_MDN_INBOX.next(ACK_WAIT);
        assertThat(mdn).as("async MDN at the configured URL").isNotNull()
                .contains("multipart/signed", "Disposition: automatic-action/MDN-sent-automatically;processed")
                .containsPattern("captured as [0-9a-f-]{36}: 4 of 4 events accepted");

        acme.send(Sending.signedAndEncrypted(ACME_ASYNC_AS2_ID, ACME).asyncMdnTo(ELSEWHERE.url()), asn,
                "application/edi-x12");
        String refusal = ACME_MDN_INBOX.next(ACK_WAIT);
        assertThat(refusal).as("the refusal goes to the configured URL, not the one asked for").isNotNull()
                .contains("processed/error: unexpected-processing-error",
                        "the MDN was asked for at " + ELSEWHERE.url() + ", which is not the MDN URL configured");
        assertThat(ELSEWHERE.pending()).isZero();
        Matcher entry = Pattern.compile("\\[dead letter ([^\\]]+)]").matcher(refusal);
        assertThat(entry.find()).isTrue();
        assertThat(TestKafka.readAll("hub.dlq")).anySatisfy(r -> assertThat(r.key()).isEqualTo(entry.group(1)));
    }

    @Test
    void eventsThePartnerMayNotClaimAreDeadLetteredAndTheMdnSaysSo() throws Exception {
        byte[] notAcmes = new String(corpus("x12/pharma-asn-856.edi"), StandardCharsets.US_ASCII)
                .replace("ASN-20251120-01", "ASN-20251120-04").replace("SN10", "SN50").replace("SN20", "SN60")
                .replace("N1*SF*ACME 3PL DC*UL*0614141000029", "N1*SF*SOMEONE ELSE DC*UL*0399999000017")
                .getBytes(StandardCharsets.US_ASCII);

        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), notAcmes, "application/edi-x12");

        assertThat(receipt.disposition()).contains(";processed/warning:").endsWith("eventsdead-lettered");
        assertThat(receipt.micMatched()).isTrue();
        assertThat(receipt.text()).containsPattern("captured as [0-9a-f-]{36}: 0 of 4 events accepted, 4 dead-lettered");
    }

    @Test
    void aMessageForAnotherAs2NameIsRefused() throws Exception {
        As2LibPartner misaddressed = new As2LibPartner("http://127.0.0.1:" + AS2_PORT + "/", "SOMEONE-ELSES-HUB", HUB);

        Receipt receipt = misaddressed.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME),
                corpus("x12/pharma-asn-856.edi"), "application/edi-x12");

        assertThat(receipt.disposition()).endsWith(";processed/error:unexpected-processing-error");
        assertThat(receipt.text()).contains("AS2-To 'SOMEONE-ELSES-HUB' is not this hub (" + HUB_AS2_ID + ")");
        assertThat(deadLetter(receipt).get("stage").asText()).isEqualTo("receive");
    }
}
