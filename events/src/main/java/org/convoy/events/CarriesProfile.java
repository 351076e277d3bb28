package org.convoy.events;

import java.util.UUID;

/**
 * An event with a delegate's whole profile: sealed with the delegate's key ({@link #sealedProfile()}, schema 2), or in
 * the clear ({@link #profile()}) in events of older producers.
 */
public interface CarriesProfile {

    UUID delegateId();

    /** The profile in the clear; {@code null} when it is sealed. */
    DelegateProfile profile();

    /** The profile sealed with the delegate's key ({@link DelegateDataKeys#seal}); {@code null} in older events. */
    String sealedProfile();
}
