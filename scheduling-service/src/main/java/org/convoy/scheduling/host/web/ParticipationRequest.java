package org.convoy.scheduling.host.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.scheduling.host.domain.Host;

/**
 * A host of the directory taking part in a convoy: in which of the convoy's cities (left out when the directory has
 * one venue in them) and when it receives delegations there.
 */
record ParticipationRequest(
        @Pattern(regexp = DirectoryHostRequest.CITY, message = DirectoryHostRequest.CITY_MESSAGE) String city,
        @NotNull @Size(max = 60) List<HostRequest.@NotNull @Valid WindowRequest> availability) {

    List<Host.Window> windows() {
        return availability.stream()
                .map(window -> new Host.Window(window.startsAt().toInstant(), window.endsAt().toInstant())).toList();
    }
}
