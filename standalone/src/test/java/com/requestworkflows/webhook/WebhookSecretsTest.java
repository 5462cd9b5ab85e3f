package com.requestworkflows.webhook;

import com.requestworkflows.query.webhook.WebhookSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How subscriptions' signing secrets are sealed for the database, and with which key. */
class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8,
            9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final String SECRET = "a subscriber's secret, ünïcode too";

    @TempDir
    Path dataDirectory;

    @Test
    void aSealedSecretOpensAgainOnlyForItsSubscriptionAndRevealsNothing() {
        WebhookSecrets secrets = new WebhookSecrets(KEY, dataDirectory);

        String sealed = secrets.seal(SECRET, "subscription-1");

        assertThat(sealed).doesNotContain(SECRET).isNotEqualTo(secrets.seal(SECRET, "subscription-1"));
        assertThat(secrets.open(sealed, "subscription-1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> secrets.open(sealed, "subscription-2")).isInstanceOf(IllegalStateException.class);
        assertThat(dataDirectory).as("a configured key needs no key file").isEmptyDirectory();
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhichSettingToFix() {
        String sealed = new WebhookSecrets(KEY, dataDirectory).seal(SECRET, "subscription-1");

        assertThatThrownBy(() -> new WebhookSecrets(OTHER_KEY, dataDirectory).open(sealed, "subscription-1"))
                .hasMessageContaining("another key").hasMessageContaining("requests.webhooks.secret-key");
    }

    @Test
    void withoutAConfiguredKeyAKeyFileIsCreatedOnceAndUsedFromThenOn() throws Exception {
        String sealed = new WebhookSecrets("", dataDirectory).seal(SECRET, "subscription-1");

        Path keyFile = dataDirectory.resolve("webhook-secrets.key");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        assertThat(new WebhookSecrets("", dataDirectory).open(sealed, "subscription-1")).isEqualTo(SECRET);
        assertThat(new WebhookSecrets(Files.readString(keyFile), dataDirectory).open(sealed, "subscription-1"))
                .as("the same key, configured").isEqualTo(SECRET);
        try (var files = Files.list(dataDirectory)) {
            assertThat(files).containsExactly(keyFile);
        }
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64StopsTheStart() {
        for (String wrong : new String[]{"not base64!", Base64.getEncoder().encodeToString(new byte[16])}) {
            assertThatThrownBy(() -> new WebhookSecrets(wrong, dataDirectory))
                    .as(wrong).hasMessageContaining("requests.webhooks.secret-key").hasMessageContaining("32");
        }
    }
}
