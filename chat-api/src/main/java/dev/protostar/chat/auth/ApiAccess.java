package dev.protostar.chat.auth;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.chat.problem.ProblemWriter;
import dev.protostar.infra.access.AccessAutoConfiguration;
import dev.protostar.infra.access.ApiKeys;
import dev.protostar.infra.access.KeyAuthentication;
import dev.protostar.infra.access.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what on the users' port — the one place it is decided (docs/security.md is this table in words).
 * Rules match the path Spring routes on (decoded, path parameters dropped), behind Spring Security's firewall,
 * which answers 400 to matrix parameters, encoded slashes, dots and percents, {@code //} and {@code ..} before
 * any rule is read; so no spelling of a path reaches a controller that its plain spelling would not.
 */
@Configuration
class ApiAccess {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String RECRUITER = Role.RECRUITER.name();

    @Bean
    @Order(AccessAutoConfiguration.MANAGEMENT_ORDER + 1)
    SecurityFilterChain usersPortChain(HttpSecurity http, ApiKeys keys, ProblemWriter problems) throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        var eventStreams = new OrRequestMatcher(
                path.matcher(HttpMethod.GET, "/api/v1/chat/sessions/*/events"),
                path.matcher(HttpMethod.GET, "/api/v1/ingestions/*/events"));
        return KeyAuthentication.stateless(http, keys, eventStreams, new AccessRefusals(problems))
                .authorizeHttpRequests(rules -> rules
                        // an SSE stream's later dispatches and error pages were authorized with their request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        // the web page: its files hold no data, every call they make carries a key
                        .requestMatchers(
                                path.matcher(HttpMethod.GET, "/"),
                                path.matcher(HttpMethod.GET, "/*.html"),
                                path.matcher(HttpMethod.GET, "/*.js"),
                                path.matcher(HttpMethod.GET, "/*.css"),
                                path.matcher(HttpMethod.GET, "/*.svg"),
                                path.matcher(HttpMethod.GET, "/favicon.ico"))
                        .permitAll()
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/v1/candidates"),
                                path.matcher(HttpMethod.POST, "/api/v1/candidates/*/documents"),
                                path.matcher(HttpMethod.DELETE, "/api/v1/candidates/*/documents/*"))
                        .hasRole(ADMIN)
                        .requestMatchers(path.matcher("/api/**"), path.matcher("/v1/**"))
                        .hasAnyRole(ADMIN, RECRUITER)
                        .anyRequest()
                        .denyAll())
                .build();
    }

    /** A path not in canonical form gets a reason, in the same problem JSON as every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(
                response,
                ApiProblem.badRequest("The request's path is not in canonical form (" + rejected.getMessage() + ")."));
    }
}
