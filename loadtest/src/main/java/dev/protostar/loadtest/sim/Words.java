package dev.protostar.loadtest.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words stand in for tokens: close enough in count for English, and they keep the stream readable when a
 * test prints it.
 */
final class Words {

    private static final Pattern WORD = Pattern.compile("\\s*\\S+");
    private static final Pattern BARE_WORD = Pattern.compile("\\S+");

    private Words() {}

    /**
     * Cuts text into words, each with the whitespace before it; whitespace at the very end rides on the last
     * word. Joining the pieces gives the text back exactly.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int end = 0;
        while (matcher.find()) {
            tokens.add(matcher.group());
            end = matcher.end();
        }
        if (end < text.length()) {
            String rest = text.substring(end);
            if (tokens.isEmpty()) {
                tokens.add(rest);
            } else {
                tokens.set(tokens.size() - 1, tokens.getLast() + rest);
            }
        }
        return tokens;
    }

    static int count(String text) {
        Matcher matcher = BARE_WORD.matcher(text);
        int words = 0;
        while (matcher.find()) {
            words++;
        }
        return words;
    }
}
