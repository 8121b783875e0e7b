package dev.protostar.chat.limits;

import dev.protostar.chat.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every path variable named {@code …Id} ({sessionId}, {candidateId}, {ingestionId}, {documentId}) must be a
 * {@link CanonicalIds canonical id}, checked once here before any controller reads a body or a database: a new
 * endpoint is covered by naming its variable so.
 */
@Configuration(proxyBeanMethods = false)
class IdsInPaths implements WebMvcConfigurer, HandlerInterceptor {

    private final ProblemWriter problems;

    IdsInPaths(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getKey().endsWith("Id") && !CanonicalIds.isCanonical(variable.getValue())) {
                // written here: an SSE endpoint's content negotiation would not take a problem from an advice
                problems.write(request, response, CanonicalIds.refused(variable.getKey(), variable.getValue()));
                return false;
            }
        }
        return true;
    }
}
