package dev.protostar.worker.memory;

import java.util.List;

/**
 * What one turn established, compactly: what was asked, what the answer was about and the figures it
 * stated — the summary's line for the turn, and what a follow-up question can refer back to.
 *
 * @param gist the question's meaningful words ("쿠팡 근무 기간")
 * @param subjects what the answer quoted from: its headings and the names it states
 * @param figures every number the turn stated, with its unit where it had one
 */
public record Facts(int seq, String gist, List<String> subjects, List<String> figures, boolean refused) {}
