package fi.perhekeskus.referral.partner;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.secrets.InvalidSecretException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.referral.notification.PartnerLinkMail;
import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.referral.referral.IssuePartnerLink;
import fi.perhekeskus.referral.referral.PartnerLink;
import fi.perhekeskus.referral.referral.ReferralState;
import fi.perhekeskus.referral.referral.ReferralStates;
import fi.perhekeskus.referral.referral.RevokePartnerLink;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues, revokes and opens partner links. A link opens its referral only while its signature is
 * ours, it has not expired, and it is the referral's latest link (same id, same secret, same receiving
 * agency); anything else is "no such link" (404), whatever the reason, so that a holder learns nothing
 * from the answer. A link whose signature is ours but that is expired or superseded is written to the
 * family's access log as a refused use.
 */
@Component
@EnableConfigurationProperties(PartnerSettings.class)
public class PartnerLinks {

    private static final int MINIMUM_SECRET_BYTES = 32;

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 30;
    static final String ACTOR_PREFIX = "partner-link:";

    /** A link a sender handed out: the token is in its URL. */
    public record Issued(UUID linkId, String token, URI url, Instant expiresAt) {
    }

    /** A link that opens its referral now: who acts through it, as the referral's receiver. */
    public record Opened(UUID referralId, UUID familyId, UUID linkId, Instant expiresAt, Caller receiver) {
    }

    private final CommandGateway commands;
    private final ReferralStates states;
    private final AccessLog log;
    private final PartnerSettings settings;
    private final PartnerTokens tokens;
    private final Clock clock;
    private final PartnerLinkMail mail;

    public PartnerLinks(CommandGateway commands, ReferralStates states, AccessLog log, PartnerSettings settings,
                        SecuritySettings security, Clock clock, PartnerLinkMail mail) {
        this.commands = commands;
        this.mail = mail;
        this.states = states;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.tokens = new PartnerTokens(secret(settings, security));
    }

    /** The dedicated secret, or else the JWT secret (the key derived from it is for links only). */
    private static byte[] secret(PartnerSettings settings, SecuritySettings security) {
        if (settings.linkSecret() == null) {
            return jwtSecret(security);
        }
        byte[] bytes = settings.linkSecret().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new InvalidSecretException(PartnerSettings.SECRET_VARIABLE, PartnerSettings.SECRET_PROPERTY,
                    "the partner link secret must be at least " + MINIMUM_SECRET_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** Without a secret of their own, links are signed with the JWT secret, so its rules are reported by its name. */
    private static byte[] jwtSecret(SecuritySettings security) {
        if (security.jwtSecret() == null) {
            throw new InvalidSecretException(PartnerSettings.SECRET_VARIABLE, PartnerSettings.SECRET_PROPERTY,
                    "partner links need a signing secret: set " + PartnerSettings.SECRET_VARIABLE + " or, without an "
                            + "OIDC issuer, " + SecuritySettings.JWT_SECRET_VARIABLE + " (which they then use)");
        }
        byte[] bytes = security.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new InvalidSecretException(SecuritySettings.JWT_SECRET_VARIABLE, SecuritySettings.JWT_SECRET_PROPERTY,
                    "the JWT secret must be at least " + MINIMUM_SECRET_BYTES + " bytes for HS256, not " + bytes.length);
        }
        return bytes;
    }

    /**
     * A new link for the referral's receiver, superseding any earlier one (the aggregate checks who
     * may), also mailed to the receiving agency's contact address.
     *
     * @param requestBase where the link points when {@code perhekeskus.partner.base-url} is not set
     */
    public Issued issue(UUID referralId, int validDays, Caller caller, String requestBase) {
        Instant now = clock.instant();
        // Whole seconds: the token carries its expiry in seconds, and both must agree.
        Instant expiresAt = now.plus(settings.linkDay().multipliedBy(validDays)).truncatedTo(ChronoUnit.SECONDS);
        PartnerTokens.Fresh fresh = tokens.fresh();
        boolean coordinator = caller.has(Role.COORDINATOR);
        UUID agency = coordinator ? caller.agency().orElse(null) : caller.agencyId();
        ReferralState state = commands.sendAndWait(new IssuePartnerLink(referralId, agency, coordinator,
                fresh.linkId(), fresh.secretHash(), expiresAt, caller.workerId(), now));
        String token = tokens.token(new PartnerTokens.Link(referralId, state.receiverAgencyId(), fresh.linkId(),
                fresh.secret(), expiresAt));
        String base = settings.baseUrl() != null ? settings.baseUrl() : requestBase;
        URI url = URI.create(base + "/partner/" + token);
        mail.send(state.receiverAgencyId(), fresh.linkId(), url, expiresAt);
        return new Issued(fresh.linkId(), token, url, expiresAt);
    }

    public void revoke(UUID referralId, Caller caller) {
        boolean coordinator = caller.has(Role.COORDINATOR);
        UUID agency = coordinator ? caller.agency().orElse(null) : caller.agencyId();
        commands.sendAndWait(new RevokePartnerLink(referralId, agency, coordinator, caller.workerId(),
                clock.instant()));
    }

    /** The referral a token opens now, or "no such link" (404). */
    public Opened open(String token, String use) {
        PartnerTokens.Link link = tokens.read(token).orElseThrow(PartnerLinks::noSuchLink);
        ReferralState state = states.find(link.referralId(), "partner-link").orElseThrow(PartnerLinks::noSuchLink);
        Optional<PartnerLink> current = states.partnerLink(link.referralId());
        Instant now = clock.instant();
        boolean valid = current.isPresent()
                && current.get().linkId().equals(link.linkId())
                && MessageDigest.isEqual(current.get().secretHash().getBytes(StandardCharsets.US_ASCII),
                        link.secretHash().getBytes(StandardCharsets.US_ASCII))
                && current.get().receiverAgencyId().equals(link.receiverAgencyId())
                && link.receiverAgencyId().equals(state.receiverAgencyId())
                && now.isBefore(link.expiresAt()) && now.isBefore(current.get().expiresAt());
        if (!valid) {
            log.usage(state.familyId(), actor(link.linkId()), link.receiverAgencyId(), use + " (partner link "
                    + "expired, revoked or superseded)", null, AccessLog.Outcome.REFUSED, now);
            throw noSuchLink();
        }
        Caller receiver = new Caller(actor(link.linkId()), Optional.of(state.receiverAgencyId()), Set.of(Role.WORKER));
        return new Opened(link.referralId(), state.familyId(), link.linkId(), link.expiresAt(), receiver);
    }

    /** A move made through the link: the family's data is used on the receiver's behalf. */
    public void logMove(Opened opened, String move) {
        log.usage(opened.familyId(), opened.receiver().workerId(), opened.receiver().agencyId(),
                "referral " + opened.referralId() + ": " + move + " by partner link", "partner link of the referral",
                AccessLog.Outcome.ALLOWED, clock.instant());
    }

    public PartnerSettings settings() {
        return settings;
    }

    static String actor(UUID linkId) {
        return ACTOR_PREFIX + linkId;
    }

    private static UnknownException noSuchLink() {
        return new UnknownException("no such link");
    }
}
