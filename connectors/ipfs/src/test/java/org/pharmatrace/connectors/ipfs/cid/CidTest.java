package org.pharmatrace.connectors.ipfs.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidTest {

  @Test
  void whenACidV1IsParsedThenItPrintsTheSame() {
    String text = "bafybeigwduxcf2aawppv3isnfeshnimkyplvw3hthxjhr2bdeje4tdaicu";

    Cid cid = Cid.parse(text);

    assertThat(cid).hasToString(text);
    assertThat(cid.version()).isEqualTo(1);
    assertThat(cid.codec()).isEqualTo(Cid.DAG_PB);
  }

  @Test
  void whenACidV0IsParsedThenItPrintsTheSame() {
    Cid cid = Cid.parse("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");

    assertThat(cid).hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    assertThat(cid.version()).isZero();
  }

  @Test
  void whenAnIpfsUriIsParsedThenItIsTheCidItNames() {
    Cid cid = Cid.parse("ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

    assertThat(cid.codec()).isEqualTo(Cid.RAW);
    assertThat(cid.toUri()).hasToString("ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  }

  @Test
  void whenTheTextIsNoCidThenParsingSaysWhy() {
    assertThatThrownBy(() -> Cid.parse("zdj7Wh")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zdj7Wh");
    assertThatThrownBy(() -> Cid.parse("bafy!")).isInstanceOf(IllegalArgumentException.class);
  }
}
