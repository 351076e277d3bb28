package org.convoy.support.tracing;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Spans go to Zipkin only where an endpoint is given ({@code ZIPKIN_ENDPOINT}): without one, the exporter stays off
 * instead of posting to a backend that is not there and logging every failure. Answers
 * {@code management.tracing.export.zipkin.enabled} when nothing else does, from the endpoint as it is when asked.
 */
public class ZipkinExportSwitch extends PropertySource<Object> {

    static final String ENABLED = "management.tracing.export.zipkin.enabled";
    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";

    /**
     * Asked through the environment, not its own source: a property source whose source is the environment makes
     * Boot's property binding walk the environment again for every name it looks up.
     */
    private final ConfigurableEnvironment environment;

    public ZipkinExportSwitch(ConfigurableEnvironment environment) {
        super("zipkinExportSwitch", new Object());
        this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
        if (!ENABLED.equals(name)) {
            return null;
        }
        return StringUtils.hasText(environment.getProperty(ENDPOINT));
    }
}
