package org.convoy.support.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** Passes for one attendee at one meeting: genuine ones are read back, forged or borrowed ones are not. */
class AttendeePassesTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final AttendeePasses passes = new AttendeePasses(SECRET);
    private final UUID meeting = UUID.randomUUID();
    private final UUID maria = UUID.randomUUID();

    @Test
    void aCheckInPassNamesItsMeetingAndAttendee() {
        assertThat(passes.verifyCheckIn(passes.checkIn(meeting, maria)))
                .contains(new AttendeePasses.Holder(meeting, maria));
    }

    @Test
    void aForgedOrAlteredPassIsNotRead() {
        String pass = passes.checkIn(meeting, maria);
        String otherAttendee = pass.replace(maria.toString(), UUID.randomUUID().toString());

        assertThat(passes.verifyCheckIn(otherAttendee)).isEmpty();
        assertThat(new AttendeePasses("another-secret-of-thirty-two-characters!").verifyCheckIn(pass)).isEmpty();
        assertThat(passes.verifyCheckIn("k1.not-an-id." + maria + ".abc")).isEmpty();
        assertThat(passes.verifyCheckIn(null)).isEmpty();
    }

    @Test
    void aPassForOnePurposeOpensNoOther() {
        assertThat(passes.verifySurvey(passes.checkIn(meeting, maria))).isEmpty();
        assertThat(passes.verifyCheckIn(passes.survey(meeting, maria))).isEmpty();
        assertThat(passes.verifySurvey(passes.survey(meeting, maria)))
                .contains(new AttendeePasses.Holder(meeting, maria));
    }

    @Test
    void theShortCodeIsEightUnambiguousCharactersPerMeetingAndAttendee() {
        String code = passes.shortCode(meeting, maria);

        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(passes.shortCode(meeting, maria)).isEqualTo(code);
        assertThat(passes.shortCode(UUID.randomUUID(), maria)).isNotEqualTo(code);
        assertThat(AttendeePasses.normalizeCode(" " + code.toLowerCase().replace("-", " ") + " ")).isEqualTo(code);
        assertThat(AttendeePasses.normalizeCode("o1il-abcd")).isEqualTo("0111-ABCD");
    }

    @Test
    void theQrCodeReadsBackAsThePass() throws Exception {
        String pass = passes.checkIn(meeting, maria);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(pass, 4)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());

        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();

        assertThat(read).isEqualTo(pass);
        QrCodes.Svg svg = QrCodes.svg(pass);
        assertThat(svg.size() * 4).isEqualTo(image.getWidth());
        assertThat(svg.path()).startsWith("M4 4h1v1h-1z");
    }
}
