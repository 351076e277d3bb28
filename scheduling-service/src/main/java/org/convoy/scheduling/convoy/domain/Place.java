package org.convoy.scheduling.convoy.domain;

/**
 * Where a meeting happens, as far as travel is concerned.
 *
 * @param hostId  the host whose venue it is
 * @param address the street address; two hosts at one address share a venue
 * @param city    the city id
 */
public record Place(String hostId, String address, String city) {

    boolean sameVenue(Place other) {
        return hostId.equals(other.hostId) || address.equalsIgnoreCase(other.address);
    }
}
