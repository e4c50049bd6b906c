package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmatrace.connectors.fabric.LedgerAnswers.COMMISSION;
import static org.pharmatrace.connectors.fabric.LedgerAnswers.DISPENSE;
import static org.pharmatrace.connectors.fabric.LedgerAnswers.EPC;
import static org.pharmatrace.connectors.fabric.LedgerAnswers.PACK;
import static org.pharmatrace.connectors.fabric.LedgerAnswers.TX;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerReceipt.EventStatus;
import org.pharmatrace.connectors.fabric.LedgerReceipt.Outcome;

class LedgerReceiptTest {

  @Test
  void whenTheContractAnswersThenEveryEventKeepsItsOutcomeInBatchOrder() {
    LedgerReceipt receipt = LedgerReceipt.fromResult("AcmeMSP", TX, 42, 2, LedgerAnswers.recordEventsResult(TX));

    assertThat(receipt.organisation()).isEqualTo("AcmeMSP");
    assertThat(receipt.transactionId()).isEqualTo(TX);
    assertThat(receipt.blockNumber()).isEqualTo(42);
    assertThat(receipt.attempts()).isEqualTo(2);
    assertThat(receipt.committed()).isEqualTo(2);
    assertThat(receipt.duplicates()).isEqualTo(1);
    assertThat(receipt.events()).containsExactly(
        new EventStatus(COMMISSION, Outcome.DUPLICATE),
        new EventStatus(PACK, Outcome.COMMITTED),
        new EventStatus(DISPENSE, Outcome.ALERT));
    assertThat(receipt.outcomeOf(PACK)).contains(Outcome.COMMITTED);
    assertThat(receipt.outcomeOf("ni:///sha-256;ffff?ver=CBV2.0")).isEmpty();
    assertThat(receipt.outcomes().keySet()).containsExactly(COMMISSION, PACK, DISPENSE);
    assertThat(receipt.alerts()).containsExactly(new LedgerAlert(DISPENSE, EPC, "RECALLED",
        "event #2 (" + DISPENSE + "): " + EPC + " dispensed while recalled"));
  }

  @Test
  void whenTheAnswerIsForAnotherTransactionThenItIsRefused() {
    assertThatThrownBy(() -> LedgerReceipt.fromResult("AcmeMSP", "other", 42, 1,
        LedgerAnswers.recordEventsResult(TX)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is for transaction " + TX);
  }

  @Test
  void whenAnEventStatusIsUnknownThenTheAnswerIsRefused() {
    byte[] answer = ("{\"alerts\":[],\"committed\":0,\"duplicates\":0,\"events\":[{\"hash\":\"h\",\"status\":"
        + "\"pending\"}],\"txId\":\"t\"}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> LedgerReceipt.fromResult("AcmeMSP", "t", 1, 1, answer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pending");
  }

  @Test
  void whenTheAnswerIsNotJsonThenItIsRefused() {
    assertThatThrownBy(() -> LedgerReceipt.fromResult("AcmeMSP", "t", 1, 1,
        "committed".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whenAnAlertHasNoEpcThenItIsStillRead() {
    byte[] answer = ("{\"alerts\":[{\"eventHash\":\"h\",\"reason\":\"NEVER_COMMISSIONED\"}],\"committed\":1,"
        + "\"duplicates\":0,\"events\":[{\"hash\":\"h\",\"status\":\"alert\"}],\"txId\":\"t\"}")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(LedgerReceipt.fromResult("AcmeMSP", "t", 1, 1, answer).alerts())
        .containsExactly(new LedgerAlert("h", null, "NEVER_COMMISSIONED", null));
  }
}
