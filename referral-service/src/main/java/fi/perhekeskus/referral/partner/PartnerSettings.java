package fi.perhekeskus.referral.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param linkSecret the key partner links are signed with (env {@code PERHEKESKUS_PARTNER_LINK_SECRET}),
 *                   at least 32 bytes; no default: without it the key is derived from the JWT secret
 *                   ({@code perhekeskus.security.jwt-secret}), and without either the service does not start
 * @param linkDay    the length of one day of a link's validity ({@code P1D}; tests shorten it)
 * @param baseUrl    where links point ({@code https://referrals.example}); unset, the URL the request came to
 */
@ConfigurationProperties("perhekeskus.partner")
public record PartnerSettings(String linkSecret, Duration linkDay, String baseUrl) {

    public static final String SECRET_VARIABLE = "PERHEKESKUS_PARTNER_LINK_SECRET";
    public static final String SECRET_PROPERTY = "perhekeskus.partner.link-secret";

    public PartnerSettings {
        linkSecret = linkSecret == null || linkSecret.isBlank() ? null : linkSecret;
        linkDay = linkDay == null ? Duration.ofDays(1) : linkDay;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        if (linkDay.isNegative() || linkDay.isZero()) {
            throw new IllegalArgumentException("perhekeskus.partner.link-day must be positive");
        }
    }
}
