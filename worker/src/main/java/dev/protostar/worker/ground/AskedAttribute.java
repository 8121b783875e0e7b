package dev.protostar.worker.ground;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Things recruiters ask about a person that a résumé states in words of its own, or not at all — why they
 * left a job, when they could start. Such a question names only what the documents have ("그린박스마켓은 왜
 * 그만뒀대?" names the employer; "how soon could Tomas start a new job?" has "job"), so its words are found
 * while what it asks is not: it is covered only when the documents say the attribute itself.
 *
 * @param asked how a question asks for it
 * @param stated how a document states it (a PostgreSQL regular expression)
 */
record AskedAttribute(Pattern asked, String stated, String korean, String english) {

    private static final AskedAttribute[] ALL = {
        new AskedAttribute(
                Pattern.compile("(?i)왜\\s*(?:그만|퇴사|이직|나왔|나오|떠났|옮겼|옮긴)[가-힣]*|(?:퇴사|이직|그만둔|떠난|옮긴)\\s*(?:사유|이유|배경|까닭)"
                        + "|\\bwhy\\b.*?\\b(?:leave|left|quit|resign(?:ed)?|move on|moved on|switch(?:ed)?)\\b"
                        + "|\\breasons?\\s+for\\s+(?:leaving|quitting|moving|switching|the move)\\b"),
                "(퇴사|이직|그만둔|떠난|옮긴)\\s?(사유|이유|배경)|reasons? for (leaving|leave)|\\m(left|leaving) (to|because|for|after)\\M|퇴사했|그만뒀|그만두었",
                "퇴사 사유",
                "why they left"),
        new AskedAttribute(
                Pattern.compile(
                        "(?i)notice\\s+period|how\\s+soon|when\\s+(?:can|could)\\s+\\S+\\s+start|start(?:ing)?\\s+date"
                                + "|\\bavailab(?:le|ility)\\s+(?:to\\s+(?:start|join)|from|for\\s+(?:a\\s+)?(?:new|interview|hire|role|job))"
                                + "|\\bwhen\\s+(?:is|would|will)\\s+\\S+\\s+(?:be\\s+)?available"
                                + "|입사\\s*가능|합류\\s*가능|출근\\s*가능|언제부터\\s*(?:출근|근무|일|합류|입사)|입사\\s*(?:시기|가능일)|이직\\s*가능\\s*시기"
                                // the notice to serve: "지금 회사 퇴사하려면 얼마나 걸림?"
                                + "|퇴사\\s*(?:하려면|하는\\s*데|까지)\\s*(?:얼마나|기간|몇)|인수\\s*인계\\s*기간"),
                "notice period|\\mavailable (to (start|join)|from|immediately|now)|immediate(ly)? availab|start date|입사\\s?가능|합류\\s?가능|출근\\s?가능|즉시\\s?(입사|합류|출근|근무)",
                "입사 가능 시기",
                "when they could start"),
        // Having lived or worked somewhere is not being willing to move: "moved to Berlin in 2020" does not say.
        new AskedAttribute(
                Pattern.compile("(?i)\\breloca|\\bwilling\\s+to\\s+move|이사\\s*가능|이주|근무지\\s*(?:이전|변경)|"
                        + "(?:지방|해외|서울|판교|본사)\\s*(?:근무|이전)\\s*(?:가능|괜찮|할\\s*수)|옮겨\\s*올\\s*수"),
                "open to relocat|willing to relocat|relocation|이주\\s?가능|이사\\s?가능|근무지\\s?무관|근무지\\s?협의",
                "근무지 이동 의사",
                "whether they would relocate"),
        new AskedAttribute(
                Pattern.compile(
                        "(?i)\\bvisa\\b|work\\s+(?:permit|authori[sz]ation)|\\bcitizen|sponsorship|right\\s+to\\s+work"
                                + "|green\\s+card|비자|취업\\s*허가|체류|시민권|국적|영주권"),
                "\\mvisa\\M|work (permit|authori[sz]ation)|citizen|green card|right to work|비자|시민권|영주권|국적|체류",
                "비자·체류 자격",
                "their work authorisation"),
        new AskedAttribute(
                Pattern.compile(
                        "(?i)\\breferences?\\b(?!\\s+(?:to|architecture|implementation))|\\breferees?\\b|추천인|레퍼런스\\s*체크|평판\\s*조회"),
                "\\mreferences? (available|on request|upon request)|\\mreferees?\\M|추천인|레퍼런스",
                "추천인",
                "their references"),
        new AskedAttribute(
                Pattern.compile("(?i)누구(?:한테|에게)\\s*보고|보고\\s*라인|직속\\s*상사|\\breports?\\s+(?:in)?to\\b"
                        + "|\\bwho\\s+(?:does|did|do)\\s+\\S+\\s+report\\b|reporting\\s+line|line\\s+manager"),
                "reports? (in)?to|reporting (to|line)|보고\\s?라인|에게\\s?보고|직속",
                "보고 라인",
                "whom they report to"),
        new AskedAttribute(
                // a willingness, not a past post: "his first job was a contract role" is answered from the job
                Pattern.compile("(?i)open\\s+to\\s+(?:contract|freelance)"
                        + "|\\b(?:consider|take|accept|interested\\s+in|ok(?:ay)?\\s+with)\\s+(?:an?\\s+)?(?:contract|freelance)"
                        + "|\\b(?:would|will|could)\\b.*\\b(?:contract|freelance)\\s+(?:roles?|work|positions?|basis)"
                        + "|(?:계약직|프리랜서)\\s*(?:으로|로|도)?\\s*(?:근무|일)?\\s*(?:가능|괜찮|의향|고려|할\\s*생각|하실)"),
                "open to (contract|freelance)|contract (role|work|position|basis)|freelanc|계약직|프리랜서",
                "계약 형태 의향",
                "whether they would take contract work"),
        // who supervised a thesis: the documents name a supervisor or do not; "supervised 5 engineers" is no answer
        new AskedAttribute(
                Pattern.compile(
                        "(?i)\\bwho\\s+(?:was\\s+)?(?:supervis|advis)\\w*|\\b(?:supervisor|advisor|adviser)\\b|지도\\s*교수"),
                "supervisor|advis[eo]r|supervised by|advised by|지도\\s?교수",
                "지도교수",
                "who supervised it"),
        // a software licence: "AWS Certified …" is a licence of another kind
        new AskedAttribute(
                Pattern.compile(
                        "(?i)\\b(?:what|which)\\s+(?:open[- ]source\\s+)?licen[cs]e\\b.*\\b(?:under|is\\s+it|does\\s+it|use)"
                                + "|\\blicen[cs]ed\\s+under\\b|라이선스\\S{0,2}\\s*(?:뭐|무엇|어떤)|(?:어떤|무슨)\\s*라이선스"),
                "\\m(mit|apache|gpl|lgpl|agpl|bsd|mpl|eupl)\\M|licen[cs]ed under|open[- ]source licen",
                "라이선스",
                "the licence"),
        // A project's budget is stated as one or not at all: a cost it saved is not what it cost.
        // "error budgets" are an SRE practice, not money.
        new AskedAttribute(
                Pattern.compile("(?i)예산|(?<!error[ -])\\bbudget"), "예산|(?<!error[ -])\\mbudget", "예산", "the budget")
    };

    /** The attribute this clause asks about, if it is one of them. */
    static Optional<AskedAttribute> in(String clause) {
        for (AskedAttribute attribute : ALL) {
            if (attribute.asked().matcher(clause).find()) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    String name(Language language) {
        return language == Language.KOREAN ? korean : english;
    }
}
