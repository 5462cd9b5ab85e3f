package com.requestworkflows.webhook;

import com.requestworkflows.query.webhook.WebhookDeliveryQueue.AttemptOutcome;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueDelivery;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueSubscription;
import com.requestworkflows.query.webhook.WebhookProperties;
import com.requestworkflows.query.webhook.WebhookSender;
import com.requestworkflows.query.webhook.WebhookTargets;
import com.requestworkflows.support.FakeHttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which webhook URLs the service refuses to call, with the settings' defaults unless a test says otherwise. */
class WebhookTargetsTest {

    private static final WebhookTargets DEFAULTS = new WebhookTargets(properties(Map.of()));

    @Test
    void byDefaultThisHostAndLinkLocalAddressesAreRefused() {
        assertThat(DEFAULTS.refusal(URI.create("http://127.0.0.1:8080/hook")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.1", "127.0.0.0/8"));
        assertThat(DEFAULTS.refusal(URI.create("http://localhost/hook"))).isPresent();
        assertThat(DEFAULTS.refusal(URI.create("http://[::1]:8080/hook"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("::1/128"));
        assertThat(DEFAULTS.refusal(URI.create("http://[::ffff:127.0.0.1]/hook"))).isPresent();
        assertThat(DEFAULTS.refusal(URI.create("http://0.0.0.0:8080/hook"))).isPresent();
        assertThat(DEFAULTS.refusal(URI.create("http://169.254.169.254/latest/meta-data/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("169.254.0.0/16"));
        assertThat(DEFAULTS.refusal(URI.create("http://[fe80::1]/hook"))).isPresent();
        assertThat(DEFAULTS.refusal(URI.create("http://224.0.0.1/hook"))).isPresent();
    }

    @Test
    void otherAddressesAndUnresolvableHostsPass() {
        assertThat(DEFAULTS.refusal(URI.create("https://10.1.2.3/hook"))).isEmpty();
        assertThat(DEFAULTS.refusal(URI.create("https://192.168.0.10/hook"))).isEmpty();
        assertThat(DEFAULTS.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
        assertThat(DEFAULTS.refusal(URI.create("https://169.255.0.1/hook"))).isEmpty();
        assertThat(DEFAULTS.refusal(URI.create("https://[2001:db8::1]/hook"))).isEmpty();
        assertThat(DEFAULTS.refusal(URI.create("https://no-such-host.invalid/hook"))).isEmpty();
    }

    @Test
    void anOperatorBlocksTheNetworksTheyList() {
        WebhookTargets privateNetworks = new WebhookTargets(properties(Map.of(
                "requests.webhooks.blocked-networks", "10.0.0.0/8, 172.16.0.0/12, fc00::/7")));

        assertThat(privateNetworks.refusal(URI.create("https://10.200.0.1/hook"))).isPresent();
        assertThat(privateNetworks.refusal(URI.create("https://172.31.255.255/hook"))).isPresent();
        assertThat(privateNetworks.refusal(URI.create("https://172.32.0.1/hook"))).isEmpty();
        assertThat(privateNetworks.refusal(URI.create("https://[fd12::1]/hook"))).isPresent();
        assertThat(privateNetworks.refusal(URI.create("http://127.0.0.1/hook"))).as("the list replaces the defaults")
                .isEmpty();
    }

    @Test
    void aSettingThatIsNoNetworkStopsTheStart() {
        for (String wrong : new String[]{"10.0.0.0", "10.0.0.0/33", "intranet.example/8", "::/129", "10.0.0.0/x"}) {
            assertThatThrownBy(() -> new WebhookTargets(properties(Map.of(
                    "requests.webhooks.blocked-networks", wrong))))
                    .as(wrong).hasMessageContaining("blocked-networks").hasMessageContaining(wrong);
        }
    }

    @Test
    void aDeliveryToABlockedAddressIsNotSent() throws Exception {
        try (FakeHttpServer subscriber = new FakeHttpServer()) {
            WebhookProperties defaults = properties(Map.of());
            WebhookSender sender = new WebhookSender(defaults, new WebhookTargets(defaults));

            AttemptOutcome outcome = sender.send(
                    new DueSubscription("s1", subscriber.url("/hook"), "0123456789abcdef", false),
                    new DueDelivery("d1", "e1", "{}", 0)).get();

            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).startsWith("not sent: its host").contains("blocked network");
            assertThat(subscriber.received()).isEmpty();
        }
    }

    @Test
    void aSlowLookUpHoldsUpNoOneButItsOwnDelivery() throws Exception {
        CountDownLatch nameServerAnswers = new CountDownLatch(1);
        WebhookProperties defaults = properties(Map.of());
        WebhookTargets slowNameServer = new WebhookTargets(defaults) {
            @Override
            public Optional<String> refusal(URI url) {
                try {
                    nameServerAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.refusal(url);
            }
        };
        WebhookSender sender = new WebhookSender(defaults, slowNameServer);

        try {
            // The dispatcher's own thread: send must hand it back at once.
            CompletableFuture<AttemptOutcome> attempt = CompletableFuture.supplyAsync(() -> sender.send(
                    new DueSubscription("s1", "http://127.0.0.1:9/hook", "0123456789abcdef", false),
                    new DueDelivery("d1", "e1", "{}", 0))).get(2, TimeUnit.SECONDS);

            assertThat(attempt).as("the attempt waits for the name server").isNotDone();
            nameServerAnswers.countDown();
            assertThat(attempt.get(5, TimeUnit.SECONDS).error()).startsWith("not sent:");
        } finally {
            nameServerAnswers.countDown();
        }
    }

    private static WebhookProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("requests.webhooks", WebhookProperties.class);
    }
}
