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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn does to its tenant's two quotas: takes a request and its tokens, or neither, and later settles
 * the tokens.
 */
final class QuotaBuckets {

    private static final Logger log = LoggerFactory.getLogger(QuotaBuckets.class);

    private QuotaBuckets() {}

    /**
     * Takes one request and {@code cost} tokens, or neither. Where both can be taken in memory (a lease holds
     * enough) they are, on the caller's thread; otherwise the two quotas are asked at once, the tokens on
     * {@code beside} (for Redis, two compare-and-swaps side by side rather than one after the other). A quota
     * that granted while the other refused is given back the same way, so the refused caller does not wait for
     * it. Should the store fail, what was taken there stays taken: the tenant loses one request or one turn's
     * tokens, never gains.
     */
    static Admission reserve(
            Ledger ledger,
            Allowance requests,
            Allowance tokens,
            String tenant,
            Limits limits,
            long cost,
            Executor beside) {
        Executor on = requests.covers(1) && tokens.covers(cost) ? Runnable::run : beside;
        CompletableFuture<ConsumptionProbe> tokensTaken = CompletableFuture.supplyAsync(() -> tokens.take(cost), on);
        ConsumptionProbe request = requests.take(1);
        ConsumptionProbe token = join(tokensTaken);
        if (!request.isConsumed()) {
            if (token.isConsumed()) {
                on.execute(() -> giveBack(tokens, cost));
            }
            return rejected(Quota.REQUESTS, request, limits);
        }
        if (!token.isConsumed()) {
            // the turn is not taken, so it does not count against the requests quota
            on.execute(() -> giveBack(requests, 1));
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

    /** A refund nobody waits for; if the source fails meanwhile, the tenant has that much less for a while. */
    private static void giveBack(Allowance allowance, long amount) {
        try {
            allowance.giveBack(amount);
        } catch (RuntimeException e) {
            log.debug("Could not give {} back to a quota bucket", amount, e);
        }
    }

    /** The probe, or the bucket's own exception (not wrapped), so a caller sees Redis fail as it would inline. */
    private static ConsumptionProbe join(CompletableFuture<ConsumptionProbe> probe) {
        try {
            return probe.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
