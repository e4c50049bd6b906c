package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MSH as the channel reads it, before any parser. */
class MessageHeaderTest {

    static MessageHeader read(String text) {
        return MessageHeader.read(text.getBytes(StandardCharsets.ISO_8859_1)).orElse(null);
    }

    @Test
    void thenSenderControlIdAndCharacterSetAreRead() {
        MessageHeader header = read("\u000bMSH|^~\\&|PHARMSYS|CORNERPHARM^0614141000036^GLN|HUB|PHARMAHUB|2025||"
                + "RDS^O13^RDS_O13|MSG-0001|P|2.5||||||8859/1\nPID|1");
        assertThat(header.sendingApplication()).isEqualTo("PHARMSYS");
        assertThat(header.sendingFacility()).isEqualTo(List.of("CORNERPHARM", "0614141000036", "GLN"));
        assertThat(header.controlId()).isEqualTo("MSG-0001");
        assertThat(header.characterSet()).isEqualTo("8859/1");
        assertThat(header.sender()).isEqualTo("facility 'CORNERPHARM (0614141000036)' (MSH-4), application 'PHARMSYS' (MSH-3)");
    }

    @Test
    void thenAUtf8ByteOrderMarkIsSkipped() {
        byte[] text = "MSH|^~\\&|PHARMSYS|CORNERPHARM|HUB|PHARMAHUB|2025||RDS^O13|MSG-0002|P|2.5\r".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(MessageHeader.read(withBom).orElseThrow().controlId()).isEqualTo("MSG-0002");
    }

    @Test
    void thenTextWithoutAnMshIsNotHl7() {
        assertThat(read("")).isNull();
        assertThat(read("Hello|^~\\&|")).isNull();
        assertThat(read("MSH")).isNull();
        assertThat(read("MSHa^~\\&|X")).isNull();
        assertThat(read("<?xml version=\"1.0\"?><ACK/>")).isNull();
    }
}
