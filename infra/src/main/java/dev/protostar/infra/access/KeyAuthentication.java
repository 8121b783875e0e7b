package dev.protostar.infra.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer API keys on a Spring Security filter chain: a request that presents a key is authenticated by
 * {@link ApiKeys} (unknown → 401 at once), one that presents none goes on anonymously and is refused by the
 * chain's rules where a role is needed. Stateless: no session, no cookie, so no CSRF to defend against.
 */
public final class KeyAuthentication {

    private KeyAuthentication() {}

    /** How a chain answers the callers it refuses: 401 (no or unknown key, or the lookup busy) and 403. */
    public interface Refusals extends AuthenticationEntryPoint, AccessDeniedHandler {}

    /**
     * Puts key authentication on {@code http}. The key comes from {@code Authorization: Bearer …}, or, on requests
     * {@code tokenInQuery} matches (a browser's EventSource cannot send headers), from {@code ?access_token=}.
     */
    public static HttpSecurity stateless(
            HttpSecurity http, ApiKeys keys, RequestMatcher tokenInQuery, Refusals refusals) throws Exception {
        var filter = new AuthenticationFilter(new ProviderManager(new Provider(keys)), converter(tokenInQuery));
        filter.setSuccessHandler((request, response, authentication) ->
                request.setAttribute(ApiKey.ATTRIBUTE, authentication.getPrincipal()));
        filter.setFailureHandler(refusals::commence);
        return http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    }

    static org.springframework.security.authentication.AuthenticationProvider provider(ApiKeys keys) {
        return new Provider(keys);
    }

    static AuthenticationConverter converter(RequestMatcher tokenInQuery) {
        return request -> {
            String key = presented(request, tokenInQuery);
            return key == null || key.isEmpty() ? null : new Presented(key);
        };
    }

    private static String presented(HttpServletRequest request, RequestMatcher tokenInQuery) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return tokenInQuery.matches(request) ? request.getParameter("access_token") : null;
    }

    /** A key as the request presented it, not yet checked. */
    static final class Presented extends AbstractAuthenticationToken {
        private final String key;

        Presented(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }

    /** A checked key: its {@link ApiKey} is the principal, its role the one authority. */
    static final class Checked extends AbstractAuthenticationToken {
        private final ApiKey key;

        Checked(ApiKey key) {
            super(List.of(new SimpleGrantedAuthority(key.role().authority())));
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public ApiKey getPrincipal() {
            return key;
        }

        @Override
        public String getName() {
            return key.id();
        }
    }

    /** Thrown (through the failure handler) when {@link ApiKeys} is too busy with unknown keys to look this one up. */
    public static final class LookupBusy extends AuthenticationServiceException {
        LookupBusy(String message) {
            super(message);
        }
    }

    private record Provider(ApiKeys keys)
            implements org.springframework.security.authentication.AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication presented) {
            try {
                return keys.find((String) presented.getCredentials())
                        .map(Checked::new)
                        .orElseThrow(() -> new BadCredentialsException("Unknown API key."));
            } catch (ApiKeys.Busy busy) {
                throw new LookupBusy(busy.getMessage());
            } catch (org.springframework.dao.DataAccessException databaseDown) {
                // a key not cached cannot be checked while the database does not answer: come back, not a 500
                throw new LookupBusy("The key could not be checked just now; try again in a second.");
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Presented.class.isAssignableFrom(authentication);
        }
    }
}
