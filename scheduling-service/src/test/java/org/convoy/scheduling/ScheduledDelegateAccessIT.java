package org.convoy.scheduling;

import java.util.UUID;

import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TokenChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scheduling's delegate list is for organizers, checked by the service itself even when called around the gateway. */
@ServiceIntegrationTest
class ScheduledDelegateAccessIT {

    @LocalServerPort
    int port;

    @Test
    void theDelegatesKnownToSchedulingAreForOrganizersOnly() {
        TokenChecks.assertOrganizersOnly("http://localhost:" + port + "/api/scheduling/delegates?convoyId=california-2023");
        TokenChecks.assertOrganizersOnly("http://localhost:" + port + "/api/scheduling/delegates/" + UUID.randomUUID());
    }
}
