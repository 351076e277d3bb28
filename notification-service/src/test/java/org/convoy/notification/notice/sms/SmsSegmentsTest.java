package org.convoy.notification.notice.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void plainTextUsesGsm7With160CharactersInOneSegmentAnd153WhenSplit() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(SmsSegments.Encoding.GSM7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void spanishAccentsOutsideGsm7MakeTheWholeTextUcs2With70And67() {
        SmsSegments accented = SmsSegments.of("Tu enlace personal está en tu correo");

        assertThat(accented.encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.of("á".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("á".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("á".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void gsm7CoversÑAndSomeAccentsAndCountsExtendedCharactersTwice() {
        assertThat(SmsSegments.of("Señora Muñoz, ¿qué tal?").encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.of("€").units()).isEqualTo(2);
        assertThat(SmsSegments.of("{}" + "a".repeat(157)).segments()).isEqualTo(2);
    }
}
