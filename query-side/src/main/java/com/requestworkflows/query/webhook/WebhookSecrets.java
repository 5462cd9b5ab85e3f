package com.requestworkflows.query.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Keeps the subscriptions' signing secrets sealed in the database (AES-256-GCM, each bound to its subscription's
 * id), so that a copy of the database or of its backups does not let anyone sign deliveries. The key is
 * {@code requests.webhooks.secret-key} (32 bytes, Base64), or else a key file the service creates in its data
 * directory on first use: fine for one instance, but several instances must share a configured key.
 */
@Component
public class WebhookSecrets {

    static final String KEY_FILE = "webhook-secrets.key";
    private static final String SETTING = "requests.webhooks.secret-key";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;
    private final String keySource;

    public WebhookSecrets(@Value("${" + SETTING + ":}") String configuredKey,
                          @Value("${requests.data-dir:./data}") Path dataDirectory) {
        if (configuredKey.isBlank()) {
            Path file = dataDirectory.resolve(KEY_FILE);
            key = aesKey(keyFile(file), "the key file " + file);
            keySource = "the key file " + file.toAbsolutePath();
        } else {
            key = aesKey(configuredKey.trim(), SETTING);
            keySource = SETTING;
        }
    }

    /** The secret as stored: nonce and ciphertext, Base64. */
    public String seal(String secret, String subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, subscriptionId, secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** The secret of a stored subscription; fails (never guesses) when this key did not seal it. */
    public String open(String stored, String subscriptionId) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(bytes, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[bytes.length - NONCE_BYTES];
        System.arraycopy(bytes, NONCE_BYTES, sealed, 0, sealed.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, subscriptionId, sealed), StandardCharsets.UTF_8);
    }

    /**
     * The secret of the subscription in the current row, from its {@code id}, {@code sealed_secret} and (for rows
     * written before secrets were sealed, until {@link WebhookSubscriptions} seals them at start-up) {@code secret}.
     */
    public String of(ResultSet row) throws SQLException {
        String sealed = row.getString("sealed_secret");
        return sealed == null ? row.getString("secret") : open(sealed, row.getString("id"));
    }

    private byte[] run(int mode, byte[] nonce, String subscriptionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException wrongKey) {
            throw new IllegalStateException("The webhook secret of subscription " + subscriptionId
                    + " was sealed with another key than " + keySource + ": set " + SETTING
                    + " to the key the stored secrets were sealed with", wrongKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static SecretKey aesKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(source + " must hold " + KEY_BYTES
                    + " random bytes in Base64 (e.g. from: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The key in the file, created if there is none yet (readable by this user only, as every temporary file). */
    private String keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
                Path written = Files.writeString(Files.createTempFile(directory, KEY_FILE, ".tmp"),
                        Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.createLink(file, written); // complete or not at all, and only if no other instance was first
                    log.info("Created {} for the webhook secrets: keep it with the data (the secrets cannot be read "
                            + "without it); instances that share a database must share {} instead", file, SETTING);
                } catch (FileAlreadyExistsException raced) {
                    // the other one's key stands
                } finally {
                    Files.delete(written);
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret key file " + file
                    + "; set " + SETTING + " instead", e);
        }
    }
}
