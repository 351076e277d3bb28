package org.convoy.support.links;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where people reach the platform (the gateway's public address), and the one place every absolute link in a notice
 * is made: the base is kept without a trailing slash and every path starts with one, so no link has {@code //}.
 */
public final class PublicAddress {

    private final String base;

    public PublicAddress(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl == null ? "" : baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The public base URL is not a URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("The public base URL must be an http(s) address such as "
                    + "https://convoy.example.org, without query or fragment: " + baseUrl);
        }
        this.base = uri.toString().replaceAll("/+$", "");
    }

    /** The absolute address of a path (with its query or fragment) on the platform, e.g. {@code /preferences#token=…}. */
    public String of(String path) {
        return base + "/" + path.replaceFirst("^/+", "");
    }

    @Override
    public String toString() {
        return base;
    }
}
