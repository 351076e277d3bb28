package org.convoy.support.sms;

import java.util.List;

/**
 * Which numbers the platform may send texts to, so nobody can make it text premium-rate, satellite or far-away numbers
 * at the convoy's cost: an E.164 number must start with one of the allowed prefixes (by default Mexico, +52, and
 * the North American numbering plan, +1) and with none of the refused ones (by default premium-rate ranges:
 * +1 900, +1 976, +52 900). Registration refuses such a number for texts with 400; notification never texts one.
 */
public final class TextDestinations {

    private final List<String> allowed;
    private final List<String> refused;

    public TextDestinations(List<String> allowed, List<String> refused) {
        this.allowed = allowed.stream().map(TextDestinations::digits).filter(prefix -> !prefix.isEmpty()).toList();
        this.refused = refused.stream().map(TextDestinations::digits).filter(prefix -> !prefix.isEmpty()).toList();
    }

    /** Whether a number in E.164 ({@code +523312345678}) may receive texts. */
    public boolean allows(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return false;
        }
        String number = digits(e164);
        return allowed.stream().anyMatch(number::startsWith) && refused.stream().noneMatch(number::startsWith);
    }

    /** Why a number is refused, for the field's error. */
    public String refusal() {
        return "cannot receive texts from the platform: only numbers starting with "
                + String.join(", ", allowed.stream().map(prefix -> "+" + prefix).toList())
                + " can, and no premium-rate or satellite numbers";
    }

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[^0-9]", "");
    }
}
