-- Webhook secrets are kept sealed (AES-GCM, Base64 of nonce and ciphertext: see WebhookSecrets); the service seals
-- the plain ones of earlier rows at start-up and empties their plain column.
ALTER TABLE webhook_subscription ADD COLUMN sealed_secret VARCHAR(2000);
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
