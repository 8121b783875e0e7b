package dev.protostar.loadtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void cuts_words_with_their_leading_whitespace() {
        assertThat(Words.tokens("Hello big  world.")).containsExactly("Hello", " big", "  world.");
    }

    @Test
    void keeps_leading_and_trailing_whitespace_so_the_tokens_join_back_to_the_text() {
        String text = "\n  Two lines,\nthen\ttabs. ";

        assertThat(Words.tokens(text)).containsExactly("\n  Two", " lines,", "\nthen", "\ttabs. ");
        assertThat(String.join("", Words.tokens(text))).isEqualTo(text);
    }

    @Test
    void gives_no_tokens_for_empty_text_and_one_for_blank_text() {
        assertThat(Words.tokens("")).isEmpty();
        assertThat(Words.tokens("   ")).containsExactly("   ");
    }

    @Test
    void counts_words() {
        assertThat(Words.count(" one two\tthree\n")).isEqualTo(3);
        assertThat(Words.count("  ")).isZero();
    }
}
