package org.convoy.events;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The names people read, in Spanish or English, for the sectors and axes events carry by code. */
public final class Labels {

    private static final String BUNDLE = "org.convoy.events.vocabulary";

    private Labels() {
    }

    public static String of(Sector sector, String language) {
        return label("sector." + sector.name(), language);
    }

    public static String of(Axis axis, String language) {
        return label("axis." + axis.name(), language);
    }

    /** A sector or axis given by its code, as events carry it; the code itself when it is none of ours. */
    public static String ofCode(String kind, String code, String language) {
        return code == null ? null : label(kind + "." + code, language);
    }

    private static String label(String key, String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "es" : language);
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException unknown) {
            return key.substring(key.indexOf('.') + 1);
        }
    }
}
