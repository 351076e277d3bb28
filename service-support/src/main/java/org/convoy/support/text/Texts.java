package org.convoy.support.text;

import java.text.Normalizer;

/** What the platform accepts and keeps of the text people type. */
public final class Texts {

    private Texts() {
    }

    /** The same text in Unicode normalization form C, so "é" is one character however it was typed. */
    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Whether the text is plain: no control characters (except line breaks and tabs when {@code multiline}), no
     * characters that reorder text or hide in it (bidirectional embeddings, overrides, isolates and marks, zero-width
     * spaces, the byte-order mark), no lone surrogates or private-use characters, and at least one visible character.
     * Joiners (U+200C, U+200D), which some scripts and emoji need, are kept when something visible surrounds them.
     */
    public static boolean isPlain(String text, boolean multiline) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (hidden(c)) {
                return false;
            }
            if (c != 0x200C && c != 0x200D && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                visible = true;
            }
        }
        return visible;
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED) {
            return true;
        }
        if (type == Character.FORMAT) {
            // Of the invisible format characters only the joiners are kept; every direction control, zero-width
            // space, word joiner, soft hyphen, byte-order mark and tag character is refused.
            return c != 0x200C && c != 0x200D;
        }
        return c == 0x2028 || c == 0x2029;
    }
}
