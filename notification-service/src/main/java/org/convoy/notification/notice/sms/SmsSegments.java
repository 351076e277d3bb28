package org.convoy.notification.notice.sms;

/**
 * How many SMS segments a text costs. Texts in the GSM 7-bit alphabet fit 160 characters in one segment (153 per
 * segment when split); anything outside it, such as {@code á}, {@code í}, {@code ó} or {@code ú} in Spanish, makes
 * the whole text UCS-2: 70 characters, or 67 per segment when split.
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    public enum Encoding { GSM7, UCS2 }

    public static SmsSegments of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return new SmsSegments(Encoding.GSM7, septets, septets <= 160 ? 1 : (septets + 152) / 153);
        }
        int units = text.length();
        return new SmsSegments(Encoding.UCS2, units, units <= 70 ? 1 : (units + 66) / 67);
    }
}
