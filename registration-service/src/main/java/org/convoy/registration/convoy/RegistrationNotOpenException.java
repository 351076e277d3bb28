package org.convoy.registration.convoy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.convoy.registration.convoy.domain.ConvoyListing;
import org.convoy.support.problem.ConflictException;

/** A registration for a convoy outside its registration window (409), saying when it opens or that it closed. */
public class RegistrationNotOpenException extends ConflictException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    public RegistrationNotOpenException(ConvoyListing convoy, ConvoyListing.RegistrationState state) {
        super(state == ConvoyListing.RegistrationState.NOT_YET_OPEN ? "Registration not open yet" : "Registration closed",
                detail(convoy, state));
    }

    private static String detail(ConvoyListing convoy, ConvoyListing.RegistrationState state) {
        var details = convoy.details();
        String name = details.name("en");
        if (!"OPEN".equals(details.status()) || details.registration() == null) {
            return state == ConvoyListing.RegistrationState.NOT_YET_OPEN
                    ? "Registration for " + name + " is not open yet."
                    : "Registration for " + name + " is closed.";
        }
        ZoneId zone = ZoneId.of(details.zone());
        return state == ConvoyListing.RegistrationState.NOT_YET_OPEN
                ? "Registration for " + name + " opens on " + WHEN.format(details.registration().opensAt().atZone(zone))
                        + "."
                : "Registration for " + name + " closed on "
                        + WHEN.format(details.registration().closesAt().atZone(zone)) + ".";
    }
}
