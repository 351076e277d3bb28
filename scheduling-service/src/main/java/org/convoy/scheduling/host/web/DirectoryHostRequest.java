package org.convoy.scheduling.host.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.DirectoryInput;
import org.convoy.scheduling.host.domain.DirectoryHost;
import org.convoy.support.text.PlainText;

/**
 * A host organization as an organizer writes it in the directory. {@code hostId} is given when adding one and may
 * not differ when changing one (the id in the path wins). {@code version}, when changing one, is the version the
 * organizer read: someone else's change since then is not overwritten (409). Adding one ignores it.
 */
record DirectoryHostRequest(
        @Pattern(regexp = HOST_ID, message = "lower-case letters, digits and dashes, 2 to 40") String hostId,
        @PlainText @NotBlank @Size(max = 120) String organization,
        @NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts,
        @NotNull @Size(max = 20) List<@NotNull @Valid VenueRequest> venues,
        @NotNull @Size(max = 8) List<@NotNull Sector> sectors,
        @NotNull @Size(max = 4) List<@NotNull Axis> axes,
        @Min(0) Long version) {

    static final String HOST_ID = "[a-z0-9][a-z0-9-]{1,39}";
    static final String CITY = "[A-Z][A-Z0-9_]{1,39}";
    static final String CITY_MESSAGE = "must be a city code: upper-case letters, digits and _, such as LOS_ANGELES";

    /**
     * @param phone E.164: a plus sign, the country code and the number, digits only
     */
    record ContactRequest(@PlainText @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{7,14}", message = "must be an E.164 number such as +13105550100")
            String phone,
            @NotNull @Pattern(regexp = "es|en", message = "must be es or en") String language) {
    }

    record VenueRequest(@NotNull @Pattern(regexp = CITY, message = CITY_MESSAGE) String city,
            @PlainText @NotBlank @Size(max = 120) String name,
            @PlainText @NotBlank @Size(max = 200) String address,
            @Min(1) @Max(1000) int roomCapacity) {
    }

    DirectoryInput toInput(String id) {
        return new DirectoryInput(id, organization.strip(),
                contacts.stream().map(contact -> new DirectoryHost.Contact(contact.name().strip(),
                        contact.email().strip(), contact.phone(), contact.language())).toList(),
                venues.stream().map(venue -> new DirectoryHost.Venue(venue.city(), venue.name().strip(),
                        venue.address().strip(), venue.roomCapacity())).toList(),
                sectors, axes, version);
    }
}
