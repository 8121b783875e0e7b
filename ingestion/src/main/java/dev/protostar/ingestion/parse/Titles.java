package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A document's title: its metadata title when that means something, else its first heading, else its file
 * name without the extension. Word processors fill the metadata title with their own defaults ("Microsoft Word
 * - 이력서.docx", "제목 없음", "Untitled") more often than with the author's; those are ignored.
 */
final class Titles {

    private static final Set<String> PLACEHOLDERS = Set.of(
            "untitled",
            "untitled document",
            "document",
            "document1",
            "title",
            "제목",
            "제목없음",
            "제목 없음",
            "문서1",
            "새 문서",
            "noname",
            "resume",
            "cv",
            "이력서");

    private Titles() {}

    static String choose(String metadataTitle, List<Block> blocks, String fileName) {
        String metadata = metadataTitle == null ? "" : Text.collapse(metadataTitle);
        if (isMeaningful(metadata, fileName)) {
            return metadata;
        }
        return blocks.stream()
                .filter(b -> b.kind() == Kind.HEADING)
                .map(Block::text)
                .findFirst()
                .orElseGet(() -> stem(fileName));
    }

    private static boolean isMeaningful(String title, String fileName) {
        String lower = title.toLowerCase(Locale.ROOT);
        return title.length() >= 2
                && title.length() <= 200
                && !PLACEHOLDERS.contains(lower)
                && !lower.startsWith("microsoft word - ")
                && !lower.equals(fileName.toLowerCase(Locale.ROOT))
                && !lower.matches(".*\\.(docx?|pdf|hwp|html?|txt|md)$");
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        return stem.isBlank() ? fileName : stem;
    }
}
