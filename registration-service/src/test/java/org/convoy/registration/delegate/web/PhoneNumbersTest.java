package org.convoy.registration.delegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            +52 33 1234 5678      | +523312345678
            33 1234 5678          | +523312345678
            (33) 1234-5678        | +523312345678
            044 33 1234 5678      | +523312345678
            +52 1 33 1234 5678    | +523312345678
            0052 33 1234 5678     | +523312345678
            +1 (415) 555-0100     | +14155550100
            1-415-555-0100        | +14155550100
            +34 612 345 678       | +34612345678
            33 1234 567           | none
            +52 33 1234 56        | none
            +1 (015) 555-0100     | none
            555-0100              | none
            """)
    void normalisesMexicanAndUsNumbersToE164(String typed, String expected) {
        assertThat(PhoneNumbers.normalize(typed).orElse(null)).isEqualTo(expected);
    }
}
