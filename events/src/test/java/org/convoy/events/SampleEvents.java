package org.convoy.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One fixed example of every event, as pinned in {@code src/test/resources/events/<Type>.json}. */
final class SampleEvents {

    static final UUID DELEGATE = UUID.fromString("0b6f9a34-4c1e-4d2a-9a57-2f3c1d5e7a10");
    static final UUID STAFF = UUID.fromString("5d2c7e81-93a4-4f6b-b0c2-8e1f4a6d9b23");
    static final UUID MEETING = UUID.fromString("c3e1a7d2-6b84-4f19-a2d5-71b9e0c4f856");
    static final Instant AT = Instant.parse("2023-02-20T17:45:30.125Z");
    static final String CONVOY = "california-2023";
    static final String ORGANIZER = "lucia.ramos";
    static final String HOST = "netflix";
    static final UUID HOST_CONTACT = UUID.fromString("7a4e2c19-5b3d-4e8f-a1c6-9d0b2f7e4a53");

    static final DelegateProfile MARIA = new DelegateProfile("María", "Hernández Núñez", "maria.hernandez@zapopan.gob.mx",
            "+523312345678", "es", "MAYOR", "MX-JAL", "Zapopan", "Gobierno Municipal de Zapopan", "Presidenta Municipal",
            List.of("CINEMATOGRAPHY", "FINTECH"), List.of("ECONOMIC", "CREATIVE_INDUSTRIES"), Set.of("EMAIL"), true);

    /** Stands for María's profile sealed with her key; the contract pins its place, not its content. */
    static final String SEALED_MARIA = "p1.c2VhbGVkIHdpdGggdGhlIGRlbGVnYXRlJ3Mga2V5";

    /** Events as producers before schema 2 wrote them, with the profile in the clear. */
    static Map<Class<? extends ConvoyEvent>, ConvoyEvent> schema1() {
        return Map.of(DelegateRegistered.class, new DelegateRegistered(id(1), AT, 1, DELEGATE, CONVOY, DELEGATE, MARIA),
                DelegateUpdated.class, new DelegateUpdated(id(2), AT, 1, DELEGATE, CONVOY, MARIA, true));
    }

    static final MeetingDetails NETFLIX = new MeetingDetails("netflix", "Netflix", "Netflix Los Gatos",
            "121 Albright Way, Los Gatos, CA 95032", "San José",
            Instant.parse("2023-03-01T17:00:00Z"), Instant.parse("2023-03-01T18:00:00Z"), "America/Los_Angeles",
            "CREATIVE_INDUSTRIES", "CINEMATOGRAPHY", List.of(DELEGATE, STAFF));

    static final ConvoyDetails CALIFORNIA = new ConvoyDetails(
            new java.util.TreeMap<>(Map.of("es", "Convoy de Municipios — California 2023",
                    "en", "Municipalities Convoy — California 2023")),
            java.time.LocalDate.parse("2023-02-27"), java.time.LocalDate.parse("2023-03-03"), "America/Los_Angeles",
            List.of(new ConvoyDetails.City("LOS_ANGELES", "Los Angeles", "America/Los_Angeles"),
                    new ConvoyDetails.City("SAN_JOSE", "San José", "America/Los_Angeles")),
            "HELD",
            new ConvoyDetails.Registration(Instant.parse("2022-11-01T06:00:00Z"), Instant.parse("2023-02-11T08:00:00Z")),
            new ConvoyDetails.Places(150, new java.util.TreeMap<>(Map.of("MAYOR", 50, "STATE_REPRESENTATIVE", 15,
                    "BUSINESS_DELEGATE", 30, "STAFF", 55))),
            java.time.LocalDate.parse("2024-03-03"),
            List.of(new ConvoyDetails.Day(java.time.LocalDate.parse("2023-02-27"), List.of("LOS_ANGELES")),
                    new ConvoyDetails.Day(java.time.LocalDate.parse("2023-03-01"), List.of("LOS_ANGELES", "SAN_JOSE")),
                    new ConvoyDetails.Day(java.time.LocalDate.parse("2023-03-03"), List.of("SAN_JOSE"))),
            List.of(new ConvoyDetails.Reminder(24, ConvoyDetails.Reminder.EMAIL),
                    new ConvoyDetails.Reminder(2, ConvoyDetails.Reminder.SMS)),
            new ConvoyDetails.Travel(360, List.of(new ConvoyDetails.Leg("LOS_ANGELES", "SAN_JOSE", 330))));

    static Map<Class<? extends ConvoyEvent>, ConvoyEvent> all() {
        return Map.ofEntries(
                Map.entry(DelegateRegistered.class,
                        new DelegateRegistered(id(1), AT, 2, DELEGATE, CONVOY, DELEGATE, null, SEALED_MARIA)),
                Map.entry(DelegateUpdated.class,
                        new DelegateUpdated(id(2), AT, 2, DELEGATE, CONVOY, null, SEALED_MARIA, true)),
                Map.entry(DelegateKeyShared.class, new DelegateKeyShared(id(16), AT, 1, DELEGATE, CONVOY,
                        "k1.d3JhcHBlZCB3aXRoIHRoZSBwbGF0Zm9ybSdzIHNlY3JldA")),
                Map.entry(DelegateKeyDestroyed.class, new DelegateKeyDestroyed(id(17), AT, 1, DELEGATE, CONVOY)),
                Map.entry(DelegateApproved.class, new DelegateApproved(id(3), AT, 1, DELEGATE, CONVOY)),
                Map.entry(DelegateRejected.class,
                        new DelegateRejected(id(4), AT, 1, DELEGATE, CONVOY, "Cupo de alcaldes completo")),
                Map.entry(DelegateWithdrawn.class, new DelegateWithdrawn(id(5), AT, 1, DELEGATE, CONVOY)),
                Map.entry(DelegateErased.class, new DelegateErased(id(6), AT, 1, DELEGATE, CONVOY)),
                Map.entry(DelegateLinkOpened.class, new DelegateLinkOpened(id(15), AT, 1, DELEGATE, CONVOY)),
                Map.entry(DelegateWaitlisted.class, new DelegateWaitlisted(id(10), AT, 1, STAFF, CONVOY, DELEGATE)),
                Map.entry(DelegatePromoted.class, new DelegatePromoted(id(11), AT, 1, STAFF, CONVOY, DELEGATE)),
                Map.entry(RegistrationLinkIssued.class, new RegistrationLinkIssued(id(12), AT, 2, DELEGATE, CONVOY,
                        RegistrationLinkIssued.REGISTERED, "3q2-7wAAAQIDBAUGBwgJCgsMDQ4P",
                        Instant.parse("2023-03-20T17:45:30Z"))),
                Map.entry(MeetingConfirmed.class, new MeetingConfirmed(id(7), AT, 1, MEETING, CONVOY, 0, NETFLIX)),
                Map.entry(MeetingRescheduled.class, new MeetingRescheduled(id(8), AT, 1, MEETING, CONVOY, 1, NETFLIX)),
                Map.entry(MeetingCancelled.class, new MeetingCancelled(id(9), AT, 1, MEETING, CONVOY, 2,
                        "Host unavailable", List.of(DELEGATE, STAFF))),
                Map.entry(AttendeeCheckedIn.class, new AttendeeCheckedIn(id(19), AT, 1, MEETING, CONVOY, DELEGATE,
                        Instant.parse("2023-03-01T16:52:10Z"), Instant.parse("2023-03-01T18:00:00Z"),
                        "America/Los_Angeles")),
                Map.entry(AttendeeExcused.class, new AttendeeExcused(id(20), AT, 1, MEETING, CONVOY, STAFF,
                        "Vuelo retrasado")),
                Map.entry(FeedbackGiven.class, new FeedbackGiven(id(21), AT, 1, MEETING, CONVOY, DELEGATE, 5, true,
                        "Muy útil para el proyecto de cine", 2)),
                Map.entry(ConvoyPublished.class, new ConvoyPublished(id(13), AT, 1, CONVOY, 0, CALIFORNIA)),
                Map.entry(ConvoyDatesChanged.class, new ConvoyDatesChanged(id(18), AT, 1, CONVOY, 3,
                        java.time.LocalDate.parse("2023-02-20"), java.time.LocalDate.parse("2023-02-24"),
                        java.time.LocalDate.parse("2023-02-27"), java.time.LocalDate.parse("2023-03-03"))),
                Map.entry(OrganizerLoggedOut.class, new OrganizerLoggedOut(id(14), AT, 1, ORGANIZER,
                        "8d3f4b2a-1c5e-4f7a-9b0d-2e6c8a4f1b37", Instant.parse("2023-02-20T18:00:30Z"))),
                Map.entry(OrganizerAccessEnded.class, new OrganizerAccessEnded(id(18), AT, 1, ORGANIZER,
                        Instant.parse("2023-02-20T17:45:30.118Z"), Instant.parse("2023-02-20T18:00:30.118Z"),
                        OrganizerAccessEnded.DISABLED)),
                Map.entry(HostContactsChanged.class, new HostContactsChanged(id(19), AT, 1, HOST, "Netflix",
                        List.of(new HostContactsChanged.HostContact(HOST_CONTACT, "Dana Whitfield",
                                "dana.whitfield@netflix.example", "+14085550142", "en")))),
                Map.entry(HostLinkIssued.class, new HostLinkIssued(id(20), AT, 1, HOST, HOST_CONTACT,
                        "9k2-7wAAAQIDBAUGBwgJCgsMDQ4P", Instant.parse("2023-02-27T17:45:30Z"))),
                Map.entry(HostConfirmedVisit.class, new HostConfirmedVisit(id(21), AT, 1, HOST, CONVOY, MEETING, 1,
                        HOST_CONTACT, "Reception on the 2nd floor")),
                Map.entry(HostProposedAnotherTime.class, new HostProposedAnotherTime(id(22), AT, 1, HOST, CONVOY,
                        MEETING, 1, HOST_CONTACT, "Could it be one hour later?")));
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private SampleEvents() {
    }
}
