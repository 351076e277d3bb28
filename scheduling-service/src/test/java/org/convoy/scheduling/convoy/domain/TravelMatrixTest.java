package org.convoy.scheduling.convoy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.convoy.scheduling.host.SampleHosts;
import org.convoy.scheduling.host.domain.Host;
import org.junit.jupiter.api.Test;

/** How long the sample convoy's delegates need from one venue to the next. */
class TravelMatrixTest {

    private final TravelMatrix travel = SampleConvoy.california().travel();

    @Test
    void theSameVenueNeedsNoTravelWhicheverHostReceivesThere() {
        Place disney = place("disney");
        Place sameAddressOtherHost = new Place("disney-animation", disney.address().toLowerCase(), disney.city());

        assertThat(travel.between(disney, disney)).isZero();
        assertThat(travel.between(disney, sameAddressOtherHost)).isZero();
    }

    @Test
    void aNamedLegBetweenTwoVenuesAppliesEitherWayRound() {
        assertThat(travel.between(place("disney"), place("warner-bros"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(travel.between(place("warner-bros"), place("disney"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(travel.between(place("meta"), place("google"))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void withinACityTheCitysOwnTimeApplies() {
        assertThat(travel.between(place("paramount"), place("hbo"))).isEqualTo(Duration.ofMinutes(45));
        assertThat(travel.between(place("netflix"), place("meta"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(travel.between(place("nasdaq"), place("uber"))).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void aCityWithoutATimeOfItsOwnTakesTheDefaultWithinACity() {
        assertThat(travel.between(new Place("a", "1 First St", "SAN_DIEGO"), new Place("b", "2 Second St", "SAN_DIEGO")))
                .isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void betweenCitiesTheNamedLegAppliesEitherWayRoundOrTheDefault() {
        assertThat(travel.between(place("google"), place("uber"))).isEqualTo(Duration.ofMinutes(75));
        assertThat(travel.between(place("uber"), place("google"))).isEqualTo(Duration.ofMinutes(75));
        assertThat(travel.between(place("disney"), place("netflix"))).isEqualTo(Duration.ofMinutes(330));
        assertThat(travel.between(place("disney"), new Place("a", "1 First St", "SAN_DIEGO")))
                .isEqualTo(Duration.ofMinutes(360));
    }

    @Test
    void travelBetweenAnyTwoSeedVenuesTakesAsLongOneWayAsTheOther() {
        List<Place> places = SampleHosts.california().stream().map(Host::place).toList();
        for (Place from : places) {
            for (Place to : places) {
                assertThat(travel.between(from, to)).as("%s and %s", from.hostId(), to.hostId())
                        .isEqualTo(travel.between(to, from));
            }
        }
    }

    private static Place place(String hostId) {
        return SampleHosts.seed(hostId).place();
    }
}
