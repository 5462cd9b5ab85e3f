package com.requestworkflows.query.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/** An org's admins manage its webhook subscriptions and their deliveries here; nothing of another org is visible. */
@RestController
@RequestMapping("/api/v1/webhooks")
public class WebhookController {

    private static final int MAX_URL_LENGTH = 2000;
    private static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_SECRET_LENGTH = 256;
    private static final int GENERATED_SECRET_BYTES = 32;
    private static final int SECRET_HINT_LENGTH = 4;

    private final SecureRandom random = new SecureRandom();
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveryLog deliveries;
    private final WebhookTargets targets;

    public WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveryLog deliveries,
                             WebhookTargets targets) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
    }

    /**
     * Empty or absent filters let every request type and state through; {@code includeExecution} asks for the
     * detailed form of the workflow events (a step for each stage of carrying out an approved action).
     */
    public record SubscribeBody(String url, String secret, List<String> requestTypes, List<String> states,
                                Boolean includeExecution) {

        /** Without the secret, which must never reach a log. */
        @Override
        public String toString() {
            return "SubscribeBody[url=" + url + ", requestTypes=" + requestTypes + ", states=" + states + "]";
        }
    }

    /**
     * A subscription as answered: the secret itself only in the answer that generated it, otherwise only its last
     * characters, to tell secrets apart.
     */
    public record SubscriptionView(String id,
                                   String url,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                                   String secretHint,
                                   List<RequestType> requestTypes,
                                   List<RequestState> states,
                                   boolean includeExecution,
                                   long createdBy,
                                   long createdAt) {

        static SubscriptionView of(WebhookSubscription subscription, boolean withSecret) {
            String secret = subscription.secret();
            return new SubscriptionView(subscription.id(), subscription.url(), withSecret ? secret : null,
                    secret.substring(secret.length() - SECRET_HINT_LENGTH),
                    subscription.requestTypes().stream().sorted().toList(),
                    subscription.states().stream().sorted().toList(), subscription.includeExecution(),
                    subscription.createdBy(), subscription.createdAt());
        }
    }

    @PostMapping
    public ResponseEntity<SubscriptionView> subscribe(@RequestBody SubscribeBody body,
                                                      @AuthenticationPrincipal Caller caller) {
        String url = webhookUrl(body.url());
        targets.refusal(URI.create(url)).ifPresent(reason -> {
            throw new InvalidRequestException("url", "may not be used: " + reason);
        });
        boolean generateSecret = body.secret() == null;
        String secret = generateSecret ? generatedSecret() : validSecret(body.secret());
        WebhookSubscription created = subscriptions.create(caller.orgId(), url, secret,
                parseEach("requestTypes", body.requestTypes(), RequestType::parse, RequestType.class),
                parseEach("states", body.states(), RequestState::parse, RequestState.class),
                Boolean.TRUE.equals(body.includeExecution()), caller.userId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}").buildAndExpand(created.id()).toUri())
                .body(SubscriptionView.of(created, generateSecret));
    }

    @GetMapping
    public PageResponse<SubscriptionView> list(@RequestParam(required = false) String page,
                                               @RequestParam(required = false) String size,
                                               @AuthenticationPrincipal Caller caller) {
        ListingParameters.Paging paging = ListingParameters.paging(page, size);
        PageResponse<WebhookSubscription> found = subscriptions.page(caller.orgId(), paging);
        return PageResponse.of(found.content().stream().map(subscription -> SubscriptionView.of(subscription, false))
                .toList(), paging, found.totalElements());
    }

    @GetMapping("/{id}")
    public SubscriptionView get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return SubscriptionView.of(live(caller, id), false);
    }

    /** Stops deliveries at once, including those still waiting; the deliveries made stay in the database. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> unsubscribe(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        if (!subscriptions.delete(caller.orgId(), id)) {
            throw WebhookNotFoundException.subscription(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    public PageResponse<WebhookDeliveryView> deliveries(@PathVariable String id,
                                                        @RequestParam(required = false) String status,
                                                        @RequestParam(required = false) String page,
                                                        @RequestParam(required = false) String size,
                                                        @AuthenticationPrincipal Caller caller) {
        String subscriptionId = live(caller, id).id();
        return deliveries.ofSubscription(subscriptionId, status == null ? null : deliveryStatus(status),
                ListingParameters.paging(page, size));
    }

    @GetMapping("/dead-letters")
    public PageResponse<WebhookDeliveryView> deadLetters(@RequestParam(required = false) String subscriptionId,
                                                         @RequestParam(required = false) String page,
                                                         @RequestParam(required = false) String size,
                                                         @AuthenticationPrincipal Caller caller) {
        return deliveries.parked(caller.orgId(), subscriptionId, ListingParameters.paging(page, size));
    }

    /** Accepted: the delivery is pending again and goes out with the next poll. */
    @PostMapping("/dead-letters/{deliveryId}/redeliver")
    public ResponseEntity<WebhookDeliveryView> redeliver(@PathVariable String deliveryId,
                                                         @AuthenticationPrincipal Caller caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.redeliver(caller.orgId(), deliveryId));
    }

    private WebhookSubscription live(Caller caller, String id) {
        return subscriptions.find(caller.orgId(), id).orElseThrow(() -> WebhookNotFoundException.subscription(id));
    }

    private static String webhookUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("url", "is required");
        }
        String url = value.trim();
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidRequestException("url",
                "must be an absolute http or https URL, e.g. https://example.com/hook");
    }

    private static String validSecret(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH || secret.isBlank()) {
            throw new InvalidRequestException("secret",
                    "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                            + " characters, or left out to have one generated");
        }
        return secret;
    }

    private String generatedSecret() {
        byte[] secret = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Each value parsed, the refusal naming its place ({@code states[1]}); duplicates count once. */
    private static <E extends Enum<E>> Set<E> parseEach(String field, List<String> values,
                                                        BiFunction<String, String, E> parse, Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values != null) {
            for (int index = 0; index < values.size(); index++) {
                parsed.add(parse.apply(field + "[" + index + "]", values.get(index)));
            }
        }
        return parsed;
    }

    private static DeliveryStatus deliveryStatus(String value) {
        return Arrays.stream(DeliveryStatus.values())
                .filter(status -> status.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("status",
                        "must be one of " + Arrays.toString(DeliveryStatus.values())));
    }
}
