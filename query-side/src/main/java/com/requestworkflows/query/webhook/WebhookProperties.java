package com.requestworkflows.query.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How workflow events are delivered to webhook subscribers ({@code requests.webhooks.*}).
 *
 * @param pollInterval               how often due deliveries are looked for
 * @param timeout                    connect and answer timeout of one delivery attempt
 * @param initialBackoff             wait after the first failed attempt; multiplied by {@code backoffMultiplier}
 *                                   after each further one, up to {@code maxBackoff}
 * @param maxAttempts                attempts before a delivery is parked for an admin to send again
 * @param maxInFlightPerSubscription deliveries under way at once to one subscriber (per instance), so that a slow
 *                                   subscriber holds up no other
 * @param blockedNetworks            networks (CIDR) no subscription may point into, see {@link WebhookTargets}: by
 *                                   default this host (loopback, unspecified), link-local addresses (cloud instance
 *                                   metadata among them) and multicast
 */
@ConfigurationProperties("requests.webhooks")
public record WebhookProperties(@DefaultValue("250ms") Duration pollInterval,
                                @DefaultValue("5s") Duration timeout,
                                @DefaultValue("1s") Duration initialBackoff,
                                @DefaultValue("5m") Duration maxBackoff,
                                @DefaultValue("2") double backoffMultiplier,
                                @DefaultValue("8") int maxAttempts,
                                @DefaultValue("2") int maxInFlightPerSubscription,
                                @DefaultValue({"127.0.0.0/8", "::1/128", "0.0.0.0/8", "::/128", "169.254.0.0/16",
                                        "fe80::/10", "224.0.0.0/4", "ff00::/8"}) List<String> blockedNetworks) {

    public WebhookProperties {
        requirePositive("poll-interval", pollInterval);
        requirePositive("timeout", timeout);
        requirePositive("initial-backoff", initialBackoff);
        requirePositive("max-backoff", maxBackoff);
        if (backoffMultiplier < 1 || maxAttempts < 1 || maxInFlightPerSubscription < 1) {
            throw new IllegalArgumentException("requests.webhooks: backoff-multiplier, max-attempts and "
                    + "max-in-flight-per-subscription must be at least 1");
        }
    }

    /** The wait before the next attempt once {@code failedAttempts} attempts have failed. */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, failedAttempts - 1.0);
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * How long a claimed delivery stays with the instance that claimed it: beyond any attempt's end, so that it
     * lapses (and another instance sends it) only when that instance has died.
     */
    public Duration claimLease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("requests.webhooks." + name + " must be positive");
        }
    }
}
