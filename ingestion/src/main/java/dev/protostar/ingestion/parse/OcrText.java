package dev.protostar.ingestion.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tesseract's text of one page as paragraph blocks for {@link HeadingHeuristic}, with the two misreadings that
 * would cost a resume its structure undone. Tesseract has no model of the symbols resumes lead lines with: it
 * reads the square of {@code ■ 경력} as a letter or a syllable ({@code m 경력}, {@code 를 자격증}), which hides
 * the section, and bullets as {@code «} or {@code ¢}, which hides the list item. Nothing else is changed: the
 * text is what was read.
 */
final class OcrText {

    /** One stray character before a resume section name: a section marker tesseract could not read. */
    private static final Pattern MARKED_SECTION = Pattern.compile("^\\S\\s+(\\S.{0,20})$");

    private static final Pattern MISREAD_BULLET = Pattern.compile("^[«»¢©®°]\\s+(?=\\S)");

    private OcrText() {}

    /**
     * @param page the page number the blocks carry: from 1 for a PDF, 0 for a picture (which has no pages)
     */
    static List<Block> blocks(String text, int page) {
        var blocks = new ArrayList<Block>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            var lines = new StringBuilder();
            for (String line : paragraph.split("\\R")) {
                lines.append(tidy(Text.collapse(line))).append('\n');
            }
            String collapsed = Text.collapseLines(lines);
            if (!collapsed.isEmpty()) {
                blocks.add(Block.paragraph(collapsed).onPage(page));
            }
        }
        return blocks;
    }

    static String tidy(String line) {
        Matcher marked = MARKED_SECTION.matcher(line);
        if (marked.matches() && LineRoles.isSectionName(marked.group(1))) {
            return marked.group(1);
        }
        return MISREAD_BULLET.matcher(line).replaceFirst("• ");
    }

    /** Letters and digits: what tells text from the specks and rules tesseract reads in a blank page or a photo. */
    static int readable(List<Block> blocks) {
        return blocks.stream()
                .mapToInt(b -> (int)
                        b.text().codePoints().filter(Character::isLetterOrDigit).count())
                .sum();
    }
}
