package org.convoy.registration.convoy;

/**
 * A convoy got more places and waiting groups moved in: the registrations feature tells them now, rather than at its
 * next settling pass. Published inside the service.
 */
public record PlacesGrew(String convoyId) {
}
