package org.convoy.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.convoy.support.tracing.ZipkinExportSwitch;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code convoy-service-defaults.yml} as the lowest-priority property source of every service: the settings
 * all services share (Kafka binder, MongoDB URI, actuator, dead-letter topics) live there once, and a service's own
 * {@code application.yml}, environment variables and test properties all override them. Last of all, the switch
 * that exports spans only where a Zipkin endpoint is given ({@link ZipkinExportSwitch}).
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "convoy-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("convoyServiceDefaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
            environment.getPropertySources().addLast(new ZipkinExportSwitch(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
