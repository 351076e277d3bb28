package org.convoy.scheduling.hostpage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkValidity    how long a host contact's emailed link can be opened ({@code HOST_LINK_VALIDITY})
 * @param sessionValidity how long the session it is exchanged for lasts ({@code HOST_SESSION_VALIDITY})
 */
@ConfigurationProperties("convoy.scheduling.host-links")
public record HostLinkProperties(@DefaultValue("7d") Duration linkValidity,
        @DefaultValue("12h") Duration sessionValidity) {
}
