package dev.protostar.chat.dam;

import dev.protostar.chat.dam.Admission.Granted;
import dev.protostar.chat.dam.Admission.Rejected;
import dev.protostar.chat.dam.Admission.Usage;
import dev.protostar.chat.dam.QuotaProperties.Limits;
import dev.protostar.chat.dam.Reservation.Ledger;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;

/**
 * What a turn does to its tenant's two buckets in one {@link BucketSource}: takes a request and its tokens,
 * or neither, and later settles the tokens.
 */
final class QuotaBuckets {

    private QuotaBuckets() {}

    /**
     * Takes one request and {@code estimatedTokens} (at most what a bucket holds), or neither. Should the
     * source fail between the two, the request stays taken there: the tenant loses one request, never gains.
     */
    static Admission reserve(Ledger ledger, BucketSource source, String tenant, Limits limits, long estimatedTokens) {
        Bucket requests = source.bucket(tenant, Quota.REQUESTS, limits.requestsPerMinute());
        ConsumptionProbe request = requests.tryConsumeAndReturnRemaining(1);
        if (!request.isConsumed()) {
            return rejected(Quota.REQUESTS, request, limits);
        }
        long cost = Math.clamp(estimatedTokens, 1, source.capacity(limits.tokensPerMinute()));
        Bucket tokens = source.bucket(tenant, Quota.TOKENS, limits.tokensPerMinute());
        ConsumptionProbe token = tokens.tryConsumeAndReturnRemaining(cost);
        if (!token.isConsumed()) {
            requests.addTokens(1); // the turn is not taken, so it does not count against the requests quota
            return rejected(Quota.TOKENS, token, limits);
        }
        return new Granted(
                new Reservation(tenant, cost, ledger),
                limits,
                List.of(
                        new Usage(
                                Quota.REQUESTS,
                                request.getRemainingTokens(),
                                seconds(request.getNanosToWaitForReset())),
                        new Usage(Quota.TOKENS, token.getRemainingTokens(), seconds(token.getNanosToWaitForReset()))));
    }

    /** Gives back tokens reserved and not used ({@code overrun} < 0), or takes those used beyond (> 0). */
    static void settle(Bucket tokens, long overrun) {
        if (overrun < 0) {
            tokens.addTokens(-overrun);
        } else {
            tokens.consumeIgnoringRateLimits(overrun);
        }
    }

    private static Rejected rejected(Quota quota, ConsumptionProbe probe, Limits limits) {
        long wait = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Rejected(
                quota, Duration.ofSeconds(wait), limits, List.of(new Usage(quota, probe.getRemainingTokens(), wait)));
    }

    private static long seconds(long nanos) {
        return Math.ceilDiv(nanos, 1_000_000_000L);
    }
}
