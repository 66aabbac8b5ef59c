package fi.perhekeskus.infra.security;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An authenticated caller whose token names an agency passes only if that agency is registered:
 * a valid signature alone does not make its holder a party to anything (docs/contract.md). Tokens without
 * an agency (network-wide COORDINATOR and ANALYST) pass as before.
 */
final class RegisteredAgencyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** The refusal, told apart from a role refusal so the 403 can say why. */
    static final class UnregisteredAgency extends AuthorizationDecision {

        UnregisteredAgency() {
            super(false);
        }
    }

    private final AuthorizationManager<RequestAuthorizationContext> authenticated =
            AuthenticatedAuthorizationManager.authenticated();
    private final RegisteredAgencies agencies;

    RegisteredAgencyAuthorization(RegisteredAgencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult signedIn = authenticated.authorize(authentication, context);
        if (signedIn == null || !signedIn.isGranted()) {
            return signedIn;
        }
        Optional<UUID> agency = authentication.get() instanceof JwtAuthenticationToken token
                ? JwtClaims.agency(token.getToken()) : Optional.empty();
        if (agency.isPresent() && !agencies.isRegistered(agency.get())) {
            return new UnregisteredAgency();
        }
        return new AuthorizationDecision(true);
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult result = authorize(authentication, context);
        return result == null ? null : result instanceof AuthorizationDecision d ? d : new AuthorizationDecision(result.isGranted());
    }
}
