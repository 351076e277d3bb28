package org.convoy.support.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text a request brings is kept in Unicode normalization form C: "é" typed as one character or as "e" and a
 * combining accent is stored, compared and shown as the same name.
 */
public final class NfcStrings {

    private NfcStrings() {
    }

    /** The JSON module that normalizes every string of a request body. */
    public static SimpleModule module() {
        return new SimpleModule("convoy-nfc-strings").addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return Texts.nfc(super.deserialize(parser, context));
        }
    }
}
