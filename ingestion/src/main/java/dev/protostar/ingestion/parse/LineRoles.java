package dev.protostar.ingestion.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one line of unmarked text looks like on its own: the line-level half of {@link HeadingHeuristic}. */
final class LineRoles {

    enum Role {
        SECTION,
        TITLE_LIKE,
        ITEM,
        BODY,
        MARKUP
    }

    /**
     * @param paragraphStart the first line of its paragraph
     * @param width the length of the longest line of its paragraph
     * @param markup a block that already has its structure (a table row, a list item), passed through
     * @param underline the heading level of a rule of {@code =} (1) or {@code -} (2) drawn under the line, else 0
     * @param indent the spaces the line was indented by in plain text (a tab is four), 0 where there is no such text
     */
    record Line(String text, int page, boolean paragraphStart, int width, Block markup, int underline, int indent) {}

    /** @param text the line as it will be written: markers and brackets dropped from section headings */
    record Classified(Line line, Role role, int level, String text) {}

    private static final Pattern MARKER = Pattern.compile("^[■□▣◆◇▶►◼◻❖]\\s*(.+)$");
    private static final Pattern BRACKETED =
            Pattern.compile("^[\\[【〔<〈《「『]\\s*([^\\]】〕>〉》」』]{1,30}?)\\s*[\\]】〕>〉》」』]$");
    /** "[프로젝트 3] 주문 시스템 MSA 전환": a block led by a bracketed label — a project or job under a section. */
    private static final Pattern LABELLED = Pattern.compile("^[\\[【〔]\\s*[^\\]】〕]{1,20}?\\s*[\\]】〕]\\s*(\\S.{0,78})$");

    static final Pattern BULLET = Pattern.compile("^(?:[-–*+]\\s+|[•·∙◦▪▫●○ㆍ➢➤✓✔]\\s*)(.+)$");
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:(\\d{1,2}|[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[.)]|([가나다라마바사아자차카타파하])[.)]|\\((\\d{1,2})\\))(?!\\d)\\s*(.+)$");
    private static final Pattern SUBNUMBERED = Pattern.compile("^\\d{1,2}\\.\\d{1,2}\\.?\\s+(.+)$");
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[.\\-/년]\\s*\\d{1,2}|\\d{4}\\s*[~–—-]");
    private static final String SENTENCE_END = ".!?。．:;…";

    /** Section names of Korean and English resumes, as keys: no spaces, lower case. */
    private static final Set<String> SECTION_NAMES = Set.of(
            """
            인적사항 기본정보 개인정보 신상정보 학력 학력사항 경력 경력사항 경력요약 경력기술서
            주요경력 프로젝트 프로젝트경험 주요프로젝트 프로젝트이력 자격증 자격사항 자격 면허 어학
            어학능력 외국어 수상 수상경력 수상내역 활동 대외활동 교육 교육사항 교육이수
            기술 보유기술 기술스택 역량 핵심역량 직무역량 자기소개 자기소개서 병역 병역사항
            포트폴리오 논문 특허 봉사활동 해외경험 요약 성장과정 지원동기 입사후포부
            summary profile about aboutme objective experience workexperience professionalexperience employment
            employmenthistory workhistory education skills technicalskills projects certifications certificates
            licenses awards honors honorsandawards languages publications volunteer volunteering interests
            references activities training patents contact
            """
                    .strip()
                    .split("\\s+"));

    private LineRoles() {}

    static Classified classify(Line line, Line next) {
        if (line.markup() != null) {
            return new Classified(line, Role.MARKUP, 0, line.text());
        }
        String text = line.text();
        Matcher m;
        if (line.underline() > 0 && !BULLET.matcher(text).matches() && !endsSentence(text) && text.length() <= 100) {
            return new Classified(line, Role.SECTION, line.underline(), text);
        }
        if ((m = MARKER.matcher(text)).matches() && text.length() <= 50 && !endsSentence(text)) {
            return new Classified(line, Role.SECTION, 1, m.group(1).strip());
        }
        if ((m = BRACKETED.matcher(text)).matches()) {
            return new Classified(line, Role.SECTION, 1, m.group(1).strip());
        }
        if ((m = LABELLED.matcher(text)).matches() && !endsSentence(text)) {
            return new Classified(line, Role.SECTION, 2, text);
        }
        if ((m = SUBNUMBERED.matcher(text)).matches()) {
            return shortTitle(m.group(1)) && !isNumbered(next)
                    ? new Classified(line, Role.SECTION, 2, text)
                    : new Classified(line, Role.ITEM, 1, text);
        }
        if ((m = NUMBERED.matcher(text)).matches()) {
            String rest = m.group(4);
            int level = m.group(1) != null ? 1 : 2;
            boolean heading = isSectionName(rest) || (shortTitle(rest) && !isNumbered(next));
            return heading ? new Classified(line, Role.SECTION, level, text) : new Classified(line, Role.ITEM, 1, text);
        }
        if ((m = BULLET.matcher(text)).matches()) {
            return new Classified(line, Role.ITEM, 1, m.group(1).strip());
        }
        if (isSectionName(text) || isCapitals(text)) {
            return new Classified(line, Role.SECTION, 1, stripColon(text));
        }
        if (looksLikeTitle(text)) {
            return new Classified(line, Role.TITLE_LIKE, 0, text);
        }
        return new Classified(line, Role.BODY, 0, text);
    }

    private static boolean isNumbered(Line line) {
        return line != null
                && line.markup() == null
                && (NUMBERED.matcher(line.text()).matches()
                        || SUBNUMBERED.matcher(line.text()).matches());
    }

    private static boolean shortTitle(String text) {
        return text.codePointCount(0, text.length()) <= 20
                && !endsSentence(text)
                && text.chars().noneMatch(Character::isDigit)
                && text.indexOf(':') < 0
                && text.indexOf(',') < 0;
    }

    static boolean looksLikeTitle(String text) {
        if (text.codePointCount(0, text.length()) > 50
                || text.split(" ").length > 8
                || endsSentence(text)
                || Character.isDigit(text.charAt(0))
                || text.matches(".*[,:：、].*")
                || DATE.matcher(text).find()) {
            return false;
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long visible = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        return letters * 2 >= visible;
    }

    private static boolean isCapitals(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        return letters >= 3
                && text.length() <= 40
                && text.split(" ").length <= 5
                && !endsSentence(stripColon(text))
                && text.chars().noneMatch(Character::isDigit)
                && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    static boolean isSectionName(String text) {
        String key = stripColon(text).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return SECTION_NAMES.contains(key);
    }

    private static String stripColon(String text) {
        return text.replaceAll("\\s*[:：]$", "");
    }

    static boolean endsSentence(String text) {
        return !text.isEmpty() && SENTENCE_END.indexOf(text.charAt(text.length() - 1)) >= 0;
    }
}
