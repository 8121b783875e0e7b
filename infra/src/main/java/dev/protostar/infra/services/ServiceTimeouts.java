package dev.protostar.infra.services;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Redis as every application uses it: while the connection is down, commands fail at once instead of queueing
 * until it is back (Lettuce's default), so a caller learns of the outage in its command timeout
 * ({@code spring.data.redis.timeout}) and falls back or ends its turn with an error.
 */
@AutoConfiguration
@ConditionalOnClass(LettuceClientConfigurationBuilderCustomizer.class)
public class ServiceTimeouts {

    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhileRedisIsDown() {
        // Boot's own options (the connect timeout among them) kept, the two settings added
        return builder -> {
            ClientOptions.Builder options = builder.build()
                    .getClientOptions()
                    .map(ClientOptions::mutate)
                    .orElseGet(ClientOptions::builder);
            builder.clientOptions(options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled())
                    .build());
        };
    }
}
