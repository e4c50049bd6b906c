package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContractErrorCodeTest {

  /** The chaincode's enum, read from the source tree beside this module (the hub does not depend on the shim). */
  private static final Path CHAINCODE_ERRORS = Path.of("..", "..", "chaincode", "src", "main", "java", "org",
      "pharmatrace", "chaincode", "TraceabilityError.java");

  @Test
  void whenTheChaincodeDefinesItsCodesThenThisListMatchesItInOrder() throws IOException {
    assertThat(CHAINCODE_ERRORS).as("the chaincode sources, beside this module in the repository").exists();
    String source = Files.readString(CHAINCODE_ERRORS);
    List<String> chaincodeCodes = new ArrayList<>();
    // Constants stand alone on their lines; the list ends at the one followed by ';' (Javadoc may hold ';' too).
    Matcher constant = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]+)\\s*([,;])\\s*$")
        .matcher(source.substring(source.indexOf("enum TraceabilityError")));
    while (constant.find()) {
      chaincodeCodes.add(constant.group(1));
      if (constant.group(2).equals(";")) {
        break;
      }
    }

    assertThat(chaincodeCodes).isNotEmpty();
    assertThat(Arrays.stream(ContractErrorCode.values()).map(Enum::name)).containsExactlyElementsOf(chaincodeCodes);
  }

  @Test
  void whenANameIsLookedUpThenOnlyContractCodesAreFound() {
    assertThat(ContractErrorCode.named("HASH_MISMATCH")).contains(ContractErrorCode.HASH_MISMATCH);
    assertThat(ContractErrorCode.named("MVCC_READ_CONFLICT")).isEmpty();
  }
}
