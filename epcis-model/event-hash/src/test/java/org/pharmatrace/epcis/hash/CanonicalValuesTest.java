package org.pharmatrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestamps and numbers in their pre-hash form. */
class CanonicalValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2020-03-04T11:00:30.000+01:00 | 2020-03-04T10:00:30.000Z",
        "2019-10-21T14:58:56+02:00     | 2019-10-21T12:58:56.000Z",
        "2019-10-21T14:58:56.0+02:00   | 2019-10-21T12:58:56.000Z",
        "2019-10-21T01:58:56+02:00     | 2019-10-20T23:58:56.000Z",
        "2005-04-03T20:33:31.116000-06:00 | 2005-04-04T02:33:31.116Z",
        "2023-02-02T11:04:03.1415Z     | 2023-02-02T11:04:03.142Z",
        "2023-02-02T11:04:03.1414Z     | 2023-02-02T11:04:03.141Z",
        "2023-01-18T11:04:03.1425Z     | 2023-01-18T11:04:03.143Z",
        "2023-02-12T11:04:03.1007Z     | 2023-02-12T11:04:03.101Z",
        "2023-12-31T23:59:59.9995Z     | 2024-01-01T00:00:00.000Z",
        "2024-02-28T23:30:00-00:45     | 2024-02-29T00:15:00.000Z",
        "2020-01-01T00:00:00.5+14:00   | 2019-12-31T10:00:00.500Z",
        "2020-01-01T00:00:00           | 2020-01-01T00:00:00.000Z",
        "2020-01-01T10:00Z             | 2020-01-01T10:00:00.000Z",
        "not a time                    | not a time",
        "2020-02-30T00:00:00Z          | 2020-02-30T00:00:00Z",
    })
    void timestampsAreUtcWithMilliseconds(String given, String expected) {
        StringBuilder out = new StringBuilder();
        Timestamps.appendUtc(out, given);
        assertThat(out).hasToString(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "452.0 | 452", "26 | 26", "0.100 | 0.1", "12.10000 | 12.1", "-0.50 | -0.5", "+5 | 5", "-0.0 | 0",
        "007 | 7", ".5 | 0.5", "5. | 5", "1E3 | 1000", "2.5e-3 | 0.0025", "12345678901234567890 | 12345678901234567890",
        "0.000010 | 0.00001",
    })
    void numbersLoseInsignificantZeros(String given, String expected) {
        StringBuilder out = new StringBuilder();
        assertThat(Numbers.appendExact(out, given)).isTrue();
        assertThat(out).hasToString(expected);
        StringBuilder fromModel = new StringBuilder();
        Numbers.appendCanonical(fromModel, new BigDecimal(given));
        assertThat(fromModel).hasToString(expected);
    }

    /** Expected values are Python's {@code str(int(float(s)))} or {@code repr(float(s))}, as the CBV 2.0 reference. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "111100001111000011110000 | 111100001111000003641344", "0.000010 | 1e-05", "0.0001 | 0.0001",
        "123456789.123456789 | 123456789.12345679", "26.0 | 26", "-0.0 | 0", "1E3 | 1000", "0.1 | 0.1",
        "12345678901234567890 | 12345678901234567168", "2.5e-3 | 0.0025", "1.5e-7 | 1.5e-07",
        "-0.00012345678901234567 | -0.00012345678901234567", "0.30000000000000004441 | 0.30000000000000004",
        "5e-324 | 5e-324", "1e22 | 10000000000000000000000", "9007199254740993 | 9007199254740992", "007 | 7",
    })
    void numbersReadAsDoublesForCbv20(String given, String expected) {
        StringBuilder out = new StringBuilder();
        assertThat(Numbers.appendAsDouble(out, given)).isTrue();
        assertThat(out).hasToString(expected);
    }

    @ParameterizedTest(name = "{0} is not a number")
    @CsvSource({"+01:00", "2019-10-21", "1e", "-", ".", "1.2.3", "0x10", "1e99999", "12a"})
    void textThatIsNotANumberIsLeftAlone(String given) {
        StringBuilder out = new StringBuilder();
        assertThat(Numbers.appendExact(out, given)).isFalse();
        assertThat(Numbers.appendAsDouble(out, given)).isFalse();
        assertThat(out).isEmpty();
    }
}
