package org.convoy.registration.delegate.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.convoy.registration.delegate.SelfServiceLinks;
import org.convoy.support.web.ProblemResponses;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Self-service calls need the delegate's session, checked before anything else of the request is read: without a
 * genuine, current session the answer is 401, whatever the body. The delegate it speaks for is handed on as the
 * request attribute {@value #DELEGATE}.
 */
class DelegateSessionInterceptor implements HandlerInterceptor {

    static final String DELEGATE = "convoy.delegateId";

    private final SelfServiceLinks links;

    DelegateSessionInterceptor(SelfServiceLinks links) {
        this.links = links;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        UUID delegate = links.verify(request.getHeader(SelfServiceLinks.HEADER)).orElse(null);
        if (delegate == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Open your personal link again, or ask for a new one with your email address.",
                    request.getRequestURI());
            return false;
        }
        request.setAttribute(DELEGATE, delegate);
        return true;
    }
}
