package org.convoy.registration.delegate.web;

import org.convoy.registration.delegate.SelfServiceLinks;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Self-service calls first check the delegate's session ({@link DelegateSessionInterceptor}). */
@Configuration(proxyBeanMethods = false)
class SelfServiceWebConfiguration implements WebMvcConfigurer {

    private final SelfServiceLinks links;

    SelfServiceWebConfiguration(SelfServiceLinks links) {
        this.links = links;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DelegateSessionInterceptor(links))
                .addPathPatterns("/api/registrations/self", "/api/registrations/self/**");
    }
}
