package org.convoy.scheduling.host.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.junit.jupiter.api.Test;

class DirectoryHostTest {

    static final DirectoryHost PORT = DirectoryHost.of("port", "Port of Houston",
            List.of(new DirectoryHost.Contact("Ana Ruiz", "ana@example.com", "+17135550100", "es")),
            List.of(new DirectoryHost.Venue("SAN_FRANCISCO", "Bay office", "1 Market St", 12),
                    new DirectoryHost.Venue("HOUSTON", "Port offices", "111 East Loop N", 25)),
            List.of(Sector.AGRIBUSINESS), List.of(Axis.ECONOMIC));

    @Test
    void keepsItsVenuesInCityOrder() {
        assertThat(PORT.venues()).extracting(DirectoryHost.Venue::city).containsExactly("HOUSTON", "SAN_FRANCISCO");
        assertThat(PORT.venueIn("SAN_FRANCISCO")).map(DirectoryHost.Venue::roomCapacity).contains(12);
        assertThat(PORT.venueIn("AUSTIN")).isEmpty();
    }

    @Test
    void aConvoysHostReplacesTheVenueInItsCityAndKeepsContactsAndTheOtherCities() {
        Host inSanFrancisco = Host.of("texas-2027", "port", "Port Houston", new Host.Venue("Ferry Building",
                "1 Ferry Building", "SAN_FRANCISCO", 40), List.of(Sector.FINTECH), List.of(Axis.DIPLOMACY), List.of());

        DirectoryHost heard = PORT.heard(inSanFrancisco);

        assertThat(heard.organization()).isEqualTo("Port Houston");
        assertThat(heard.sectors()).containsExactly(Sector.FINTECH);
        assertThat(heard.axes()).containsExactly(Axis.DIPLOMACY);
        assertThat(heard.contacts()).isEqualTo(PORT.contacts());
        assertThat(heard.venues()).extracting(DirectoryHost.Venue::city).containsExactly("HOUSTON", "SAN_FRANCISCO");
        assertThat(heard.venueIn("SAN_FRANCISCO")).hasValueSatisfying(venue -> {
            assertThat(venue.name()).isEqualTo("Ferry Building");
            assertThat(venue.roomCapacity()).isEqualTo(40);
        });
        assertThat(heard.venueIn("SAN_FRANCISCO").orElseThrow().forConvoy()).isEqualTo(inSanFrancisco.venue());
    }

    @Test
    void aHostTheDirectoryDidNotKnowComesWithoutContacts() {
        Host host = Host.of("california-2023", "netflix", "Netflix", new Host.Venue("Netflix headquarters",
                "121 Albright Way", "SAN_JOSE", 25), List.of(Sector.CINEMATOGRAPHY), List.of(), List.of());

        DirectoryHost listed = DirectoryHost.of(host);

        assertThat(listed.hostId()).isEqualTo("netflix");
        assertThat(listed.contacts()).isEmpty();
        assertThat(listed.venues()).singleElement().satisfies(venue -> assertThat(venue.forConvoy()).isEqualTo(host.venue()));
        assertThat(listed.version()).isNull();
    }
}
