package com.requestworkflows.query.webhook;

import com.requestworkflows.query.webhook.WebhookDeliveryQueue.AttemptOutcome;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueDelivery;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueSubscription;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works off the outbox: every poll claims the due deliveries, each the next one of its request, at most
 * {@code max-in-flight-per-subscription} per subscriber, and sends them. Failures are tried again with exponential
 * back-off and parked after the last attempt. Request handling never waits for any of it.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryQueue queue;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Map<String, AtomicInteger> inFlightPerSubscription = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> underWay = ConcurrentHashMap.newKeySet();
    // Outcomes are written to the database here rather than on the HTTP client's threads.
    private final ExecutorService outcomes = Executors.newFixedThreadPool(2,
            new CustomizableThreadFactory("webhook-outcome-"));
    private volatile boolean stopped;
    private volatile boolean pollFailing;

    public WebhookDispatcher(WebhookDeliveryQueue queue, WebhookSender sender, WebhookProperties properties) {
        this.queue = queue;
        this.sender = sender;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${requests.webhooks.poll-interval:250ms}")
    void dispatchDue() {
        if (stopped) {
            return;
        }
        try {
            claimAndSendDue(System.currentTimeMillis());
            if (pollFailing) {
                log.info("Webhook dispatcher reaches the database again");
                pollFailing = false;
            }
        } catch (DataAccessException e) {
            // Once per outage, not at every poll; the deliveries wait in the database meanwhile.
            if (!pollFailing) {
                log.warn("Webhook dispatcher cannot reach the database; retrying at every poll", e);
                pollFailing = true;
            }
        }
    }

    private void claimAndSendDue(long now) {
        for (DueSubscription subscription : queue.subscriptionsWithDueDeliveries(now)) {
            if (subscription.deleted()) {
                // Queued by the outbox while the subscription was being deleted.
                queue.discardUndelivered(subscription.id());
                continue;
            }
            AtomicInteger inFlight = inFlightPerSubscription.computeIfAbsent(subscription.id(),
                    id -> new AtomicInteger());
            int free = properties.maxInFlightPerSubscription() - inFlight.get();
            if (free > 0) {
                long claimedUntil = now + properties.claimLease().toMillis();
                queue.nextInOrder(subscription.id(), now, free).stream()
                        .filter(delivery -> queue.claim(delivery.id(), now, claimedUntil))
                        .forEach(delivery -> attempt(subscription, delivery, inFlight));
            }
        }
    }

    private void attempt(DueSubscription subscription, DueDelivery delivery, AtomicInteger inFlight) {
        inFlight.incrementAndGet();
        long attemptedAt = System.currentTimeMillis();
        CompletableFuture<Void> attempt = sender.send(subscription, delivery)
                .thenAcceptAsync(outcome -> record(delivery, attemptedAt, outcome), outcomes);
        underWay.add(attempt);
        attempt.whenComplete((done, failure) -> {
            underWay.remove(attempt);
            inFlight.decrementAndGet();
            if (failure != null) {
                log.warn("Outcome of webhook delivery {} not recorded; it is attempted again once its claim lapses",
                        delivery.id(), failure);
            }
        });
    }

    private void record(DueDelivery delivery, long attemptedAt, AttemptOutcome outcome) {
        int attempts = delivery.attempts() + 1;
        if (outcome.delivered()) {
            queue.recordAttempt(delivery, attemptedAt, outcome, DeliveryStatus.DELIVERED, attemptedAt);
        } else if (attempts >= properties.maxAttempts()) {
            log.warn("Webhook delivery {} parked after {} attempts; last: {}", delivery.id(), attempts,
                    outcome.error());
            queue.recordAttempt(delivery, attemptedAt, outcome, DeliveryStatus.PARKED, attemptedAt);
        } else {
            log.debug("Webhook delivery {} attempt {} failed: {}", delivery.id(), attempts, outcome.error());
            queue.recordAttempt(delivery, attemptedAt, outcome, DeliveryStatus.PENDING,
                    System.currentTimeMillis() + properties.backoffAfter(attempts).toMillis());
        }
    }

    /** Lets attempts under way record their outcome; any that cannot are made again once their claim lapses. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        try {
            CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new))
                    .get(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException alreadyLogged) {
            // every attempt has ended; the failures were logged as they happened
        } catch (TimeoutException e) {
            log.info("Stopping with {} webhook deliveries under way", underWay.size());
        }
        outcomes.shutdown();
    }
}
