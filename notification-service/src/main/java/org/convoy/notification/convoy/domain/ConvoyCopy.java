package org.convoy.notification.convoy.domain;

import org.convoy.events.ConvoyDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Notification's copy of a convoy, from the convoy stream: what notices say of it (its name in each language). */
@Document(ConvoyCopy.COLLECTION)
public record ConvoyCopy(@Id String id, int sequence, ConvoyDetails details) {

    public static final String COLLECTION = "convoys";
}
