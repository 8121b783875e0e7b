package dev.protostar.infra.access;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what on the management surface of every application (chat-api's management port; the worker's and
 * ingestion's only port): health and Prometheus for anyone who can reach the port (it binds to loopback unless
 * {@code PROTOSTAR_MANAGEMENT_ADDRESS} says otherwise), everything else for ops keys only. Rules are decided on the
 * path Spring routes on, behind Spring Security's firewall, which refuses matrix parameters, encoded slashes and
 * dots, {@code //} and {@code ..} with a 400 before any rule is read.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(KeysProperties.class)
public class AccessAutoConfiguration {

    /** The chain an application's own API chain must come after. */
    public static final int MANAGEMENT_ORDER = 1;

    @Bean
    ApiKeys apiKeys(JdbcClient jdbc, KeysProperties properties) {
        return new ApiKeys(jdbc, properties);
    }

    /** The one way in is a key: as a bean it also keeps Boot from inventing a user with a generated password. */
    @Bean
    AuthenticationProvider keyAuthenticationProvider(ApiKeys keys) {
        return KeyAuthentication.provider(keys);
    }

    @Bean
    BootstrapKeys bootstrapKeys(ApiKeys keys, KeysProperties properties) {
        return new BootstrapKeys(keys, properties);
    }

    @Bean
    @Order(MANAGEMENT_ORDER)
    SecurityFilterChain managementAccess(HttpSecurity http, ApiKeys keys, Environment environment) throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher none = request -> false;
        return KeyAuthentication.stateless(
                        http.securityMatcher(onManagementPort(environment)),
                        keys,
                        none,
                        Problems.refusals("The management surface needs an ops key."))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                path.matcher(HttpMethod.GET, "/actuator/health"),
                                path.matcher(HttpMethod.GET, "/actuator/health/**"),
                                path.matcher(HttpMethod.GET, "/actuator/prometheus"))
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.OPS.name()))
                .build();
    }

    /**
     * Requests that arrived on the management port: {@code management.server.port} where it is set apart (chat-api),
     * else the application's one port (worker, ingestion: all they serve is management).
     */
    static RequestMatcher onManagementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        int port = management != null && management > 0
                ? management
                : environment.getProperty("server.port", Integer.class, 8080);
        return request -> request.getLocalPort() == port;
    }

    /** A refused path (not in canonical form) is a 400 with a reason, not an empty page. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(
                response,
                400,
                "non-canonical-path",
                "Bad request",
                "The request's path is not in canonical form (" + rejected.getMessage() + ").");
    }

    /**
     * Tomcat refuses {@code %2F} and {@code %5C} itself, with an HTML page; passed through, they reach the firewall,
     * which refuses them too, with a reason in problem JSON.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }

    /** No tracing span per security filter: one API call would pay for a dozen observations it never needs. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
