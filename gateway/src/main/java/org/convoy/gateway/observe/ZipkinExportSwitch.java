package org.convoy.gateway.observe;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Spans go to Zipkin only where an endpoint is given ({@code ZIPKIN_ENDPOINT}): without one, the exporter stays off
 * instead of posting to a backend that is not there and logging every failure. The services do the same with their
 * own copy (service-support's {@code ZipkinExportSwitch}); the gateway shares no code with them.
 */
public class ZipkinExportSwitch implements EnvironmentPostProcessor {

    static final String ENABLED = "management.tracing.export.zipkin.enabled";
    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The environment is asked, not made the source: a source that is the environment makes Boot's property
        // binding walk the environment again for every name it looks up.
        environment.getPropertySources().addLast(new PropertySource<Object>("zipkinExportSwitch", new Object()) {
            @Override
            public Object getProperty(String name) {
                return ENABLED.equals(name) ? StringUtils.hasText(environment.getProperty(ENDPOINT)) : null;
            }
        });
    }
}
