package com.requestworkflows.query.webhook;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks may not be sent: an org's admin chooses the URL, and the service must not become their way into
 * the networks only it can reach (its own host, a cloud's instance metadata at 169.254.169.254, and whatever else
 * {@code requests.webhooks.blocked-networks} lists). A URL is checked when it is subscribed and again before every
 * attempt, since its host may resolve elsewhere by then.
 *
 * <p>The check resolves the host itself; the HTTP client then resolves it again to connect. A name server that
 * answers differently within that moment could still lead one attempt elsewhere: where that matters, block by
 * network at the firewall too.
 */
@Component
public class WebhookTargets {

    private final List<Network> blocked;

    public WebhookTargets(WebhookProperties properties) {
        this.blocked = properties.blockedNetworks().stream().map(Network::parse).toList();
    }

    /** Why the URL's host may not be called, or empty when it may (also when it does not resolve: nothing to call). */
    public Optional<String> refusal(URI url) {
        if (blocked.isEmpty()) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(hostOf(url));
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            for (Network network : blocked) {
                if (network.contains(address)) {
                    return Optional.of("its host " + url.getHost() + " is " + address.getHostAddress()
                            + ", in the blocked network " + network + " (requests.webhooks.blocked-networks)");
                }
            }
        }
        return Optional.empty();
    }

    /** URI keeps the brackets of an IPv6 literal; the resolver wants the address alone. */
    private static String hostOf(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An address block in CIDR notation: {@code 127.0.0.0/8}, {@code fe80::/10}. */
    record Network(byte[] prefix, int length, String text) {

        static Network parse(String cidr) {
            String text = cidr.trim();
            int slash = text.indexOf('/');
            try {
                if (slash < 0 || !isLiteral(text.substring(0, slash))) {
                    throw new IllegalArgumentException("not an address");
                }
                byte[] prefix = InetAddress.getByName(text.substring(0, slash)).getAddress();
                int length = Integer.parseInt(text.substring(slash + 1));
                if (length < 0 || length > prefix.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range");
                }
                return new Network(prefix, length, text);
            } catch (IllegalArgumentException | UnknownHostException e) {
                throw new IllegalArgumentException("requests.webhooks.blocked-networks: '" + cidr
                        + "' is not a network in CIDR notation, such as 10.0.0.0/8 or fc00::/7", e);
            }
        }

        /** Only address literals: a name here would be looked up once, at start-up, and silently go stale. */
        private static boolean isLiteral(String address) {
            return address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int full = length / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (prefix[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
