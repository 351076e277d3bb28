package org.convoy.scheduling.hostpage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HostLinkProperties.class)
class HostPageConfiguration {
}
