package org.convoy.support.time;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform clock ({@link AdjustableClock}).
 *
 * @param file a file holding the offset the services' clock runs at ({@code CONVOY_CLOCK_FILE}), for demos and tests
 *             of a running platform; unset, the services keep the system's time
 */
@ConfigurationProperties("convoy.clock")
public record ClockProperties(Path file) {
}
