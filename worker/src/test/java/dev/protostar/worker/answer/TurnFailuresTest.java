package dev.protostar.worker.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.worker.generate.GenerationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class TurnFailuresTest {

    @Test
    void a_database_that_does_not_answer_is_store_unavailable() {
        assertThat(TurnFailures.code(new CannotGetJdbcConnectionException("pool", new SQLException("refused"))))
                .isEqualTo("store_unavailable");
        assertThat(TurnFailures.code(new IllegalStateException("wrapped", new SQLException("gone"))))
                .isEqualTo("store_unavailable");
    }

    @Test
    void redis_failures_are_cache_unavailable_even_where_spring_calls_them_data_access() {
        assertThat(TurnFailures.code(new RedisConnectionFailureException("down")))
                .isEqualTo("cache_unavailable");
        var timeout = new QueryTimeoutException(
                "Redis command timed out", new io.lettuce.core.RedisCommandTimeoutException("500 ms"));
        assertThat(TurnFailures.code(timeout)).isEqualTo("cache_unavailable");
    }

    @Test
    void a_generation_failure_keeps_its_own_code() {
        assertThat(TurnFailures.code(new GenerationException("llm_error", "503", null)))
                .isEqualTo("llm_error");
    }

    @Test
    void anything_else_is_an_internal_error_with_a_message_that_says_to_ask_again() {
        assertThat(TurnFailures.code(new NullPointerException())).isEqualTo("internal_error");
        assertThat(TurnFailures.code(new DataAccessResourceFailureException("x")))
                .isEqualTo("store_unavailable");
        assertThat(TurnFailures.message("internal_error")).contains("Ask again");
    }
}
