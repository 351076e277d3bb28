package org.convoy.support.instances;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this instance is among the instances of its service, as it signs outbox claims and job leases.
 *
 * @param id the name it signs with ({@code CONVOY_INSTANCE_ID}); by default the host name ({@code HOSTNAME}), the
 *           process id and a random part, so that a restarted process is never taken for the one before it
 */
@ConfigurationProperties("convoy.instance")
public record InstanceProperties(String id) {

    public InstanceProperties {
        if (id == null || id.isBlank()) {
            id = generated();
        }
    }

    static String generated() {
        // The host's name as the environment gives it (containers set HOSTNAME); a name lookup could stall the start.
        String host = System.getenv().getOrDefault("HOSTNAME", "instance");
        return host + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
