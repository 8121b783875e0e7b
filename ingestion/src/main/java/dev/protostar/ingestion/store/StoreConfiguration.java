package dev.protostar.ingestion.store;

import com.pgvector.PGvector;
import java.sql.JDBCType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcValue;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Spring Data JDBC with pgvector-java: a {@link PGvector} goes to the driver as it is, typed {@code vector}. */
@Configuration
@EnableJdbcRepositories
class StoreConfiguration {

    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(new VectorWriter()));
    }

    @WritingConverter
    static final class VectorWriter implements Converter<PGvector, JdbcValue> {
        @Override
        public JdbcValue convert(PGvector vector) {
            return JdbcValue.of(vector, JDBCType.OTHER);
        }
    }
}
