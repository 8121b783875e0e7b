package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void a_number_matches_with_or_without_thousands_separators() {
        Pattern number = Pattern.compile(Mentions.number("12000"));
        assertThat(number.matcher("초당 12,000건").find()).isTrue();
        assertThat(number.matcher("초당 12000건").find()).isTrue();
        assertThat(Mentions.number("4.7")).isEqualTo("4\\.7");
    }

    @Test
    void a_phrase_word_is_matched_literally() {
        assertThat(Mentions.literal("C++")).isEqualTo("C\\+\\+");
        assertThat(Mentions.literal("Toronto")).isEqualTo("Toronto");
    }
}
