package dev.protostar.worker.ground;

import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.search.text.Sentences;
import dev.protostar.worker.retrieve.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code [n]} marks of an answer, resolved to the chunks they name. */
public final class Citations {

    static final Pattern MARK = Pattern.compile("\\[(\\d{1,2})]");

    private Citations() {}

    /** The sources cited in {@code answer}, by number; marks naming no source are ignored. */
    public static List<ChatEvent.Citation> of(String answer, List<Hit> sources) {
        TreeSet<Integer> cited = new TreeSet<>();
        Matcher mark = MARK.matcher(answer);
        while (mark.find()) {
            int n = Integer.parseInt(mark.group(1));
            if (n >= 1 && n <= sources.size()) {
                cited.add(n);
            }
        }
        List<ChatEvent.Citation> citations = new ArrayList<>();
        for (int n : cited) {
            Hit hit = sources.get(n - 1);
            citations.add(new ChatEvent.Citation(
                    n,
                    hit.documentId().toString(),
                    hit.title(),
                    hit.section(),
                    snippet(answer, n, hit),
                    hit.chunkId().toString(),
                    hit.ocr()));
        }
        return citations;
    }

    /** The chunk's sentence the answer quotes next to {@code [n]} if there is one, else the chunk's opening. */
    private static String snippet(String answer, int n, Hit hit) {
        for (String sentence : Sentences.split(hit.text())) {
            String bare = sentence.replaceFirst("^[-*•·]\\s*", "");
            if (bare.length() > 8 && answer.contains(bare + " [" + n + "]")) {
                return bare;
            }
        }
        String text = hit.text().strip();
        return text.length() <= 240 ? text : text.substring(0, 239) + "…";
    }
}
