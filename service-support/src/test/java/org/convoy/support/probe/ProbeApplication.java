package org.convoy.support.probe;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.TimeoutException;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.support.inbox.EventConsumers;
import org.convoy.support.problem.BusyException;
import org.convoy.support.problem.ConflictException;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.problem.NotFoundException;
import org.convoy.support.security.OrganizerScope;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.messaging.Message;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on service-support, to exercise what every real service shares. */
@SpringBootApplication
public class ProbeApplication {

    /** Events the probe's consumer handled, in order. */
    public static final List<ConvoyEvent> HANDLED = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> delegateEvents(EventConsumers consumers) {
        return consumers.named("probe")
                .on(DelegateApproved.class, HANDLED::add)
                .on(DelegateWithdrawn.class, HANDLED::add)
                .build();
    }

    @RestController
    static class ParcelController {

        private final OrganizerScope scope;

        ParcelController(OrganizerScope scope) {
            this.scope = scope;
        }

        static final java.util.concurrent.atomic.AtomicInteger HELD = new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(1);

        @PostMapping("/parcels")
        ParcelRequest accept(@Valid @RequestBody ParcelRequest request) {
            return request;
        }

        /** A public call that waits until the test lets it answer (PublicCallsInFlightIT). */
        @PostMapping("/parcels/held")
        String held() throws InterruptedException {
            HELD.incrementAndGet();
            RELEASE.await(30, java.util.concurrent.TimeUnit.SECONDS);
            return "{\"held\":true}";
        }

        /** A public call the service limits per client (PublicCallLimitIT). */
        @PostMapping("/parcels/limited")
        Map<String, String> limited() {
            return Map.of("accepted", "yes");
        }

        /** The product's own refusals, one of each kind, as features throw them. */
        @PostMapping("/parcels/refusals/{kind}")
        void refuse(@PathVariable String kind) {
            switch (kind) {
                case "unknown" -> throw new NotFoundException("No such parcel", "There is no parcel 42.");
                case "conflict" -> throw new ConflictException("Already shipped", "Parcel 42 left yesterday.") {
                    @Override
                    public Map<String, Object> properties() {
                        return Map.of("shippedOn", "2023-02-27");
                    }
                };
                case "field" -> throw new FieldProblemException("weight", "must not exceed the van's load");
                case "busy" -> throw new BusyException("Many changes to the same record arrived at once; please try "
                        + "again.");
                // What the MongoDB template throws when no store answered within the server selection timeout.
                case "store-away" -> throw new DataAccessResourceFailureException("Timed out after 2000 ms while "
                        + "waiting for a server", new MongoTimeoutException("Timed out after 2000 ms while waiting "
                                + "for a server"));
                // What a send to Kafka throws when no broker answered within max.block.ms.
                case "broker-away" -> throw new KafkaException("Send failed", new TimeoutException(
                        "Topic convoy.parcels not present in metadata after 10000 ms."));
                default -> throw new IllegalArgumentException("no such refusal");
            }
        }

        /** Not among the public paths: organizers only. */
        @GetMapping("/parcels/ledger")
        Map<String, String> ledger(Principal organizer) {
            return Map.of("readBy", organizer.getName());
        }

        /** A convoy's parcels: its path names the convoy, so an organizer limited to others gets 404 (scoped paths). */
        @GetMapping("/probe/convoys/{convoyId}/parcels")
        Map<String, String> convoyParcels(@PathVariable String convoyId) {
            return Map.of("convoyId", convoyId);
        }

        @GetMapping("/probe/convoys/{convoyId}")
        Map<String, String> convoy(@PathVariable String convoyId) {
            return Map.of("convoyId", convoyId);
        }

        /** A convoy's board anyone may read (as a delegate reads her agenda): a scoped path, but a public one. */
        @GetMapping("/probe/convoys/{convoyId}/board")
        Map<String, String> board(@PathVariable String convoyId) {
            return Map.of("convoyId", convoyId);
        }

        /** The convoy comes as a parameter here, so the controller asks the organizer's scope itself. */
        @GetMapping("/parcels/manifest")
        Map<String, Object> manifest(@RequestParam String convoyId) {
            scope.require(convoyId);
            return Map.of("convoyId", convoyId, "limitedTo", scope.limitedTo().map(java.util.TreeSet::new)
                    .map(Object::toString).orElse("every convoy"));
        }

        @DeleteMapping("/parcels/{id}")
        @PreAuthorize("hasRole('ADMIN')")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void destroy(@PathVariable String id) {
        }
    }

    record ParcelRequest(@NotBlank String name, @NotNull @Min(1) Integer weight, @NotBlank @Email String email,
            @Valid @NotNull Address address) {
    }

    record Address(@NotBlank String city) {
    }
}
