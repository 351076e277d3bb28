package org.convoy.support.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Checks the convoy named in the path of an organizer's call against her scope before the controller runs: for
 * each pattern of {@code convoy.security.convoy-scoped-paths} (for example
 * {@code /api/scheduling/convoys/{convoyId}/**}) that the path matches, a convoy she may not see is answered 404
 * problem+json, as an unknown convoy is. Calls without an organizer token (public calls, delegates' sessions) pass:
 * their own checks apply. The variable is matched decoded, so an encoded convoy id does not slip past.
 */
final class ConvoyScopedPaths implements HandlerInterceptor {

    static final String VARIABLE = "convoyId";

    private final List<PathPattern> patterns;

    ConvoyScopedPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (patterns.isEmpty()) {
            return true;
        }
        var token = OrganizerScope.currentToken();
        if (token.isEmpty()) {
            return true;
        }
        var path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (PathPattern pattern : patterns) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            if (match != null) {
                Map<String, String> variables = match.getUriVariables();
                String convoyId = variables.get(VARIABLE);
                if (!OrganizerScope.covers(token.get(), convoyId)) {
                    throw OrganizerScope.notFound(convoyId);
                }
            }
        }
        return true;
    }
}
