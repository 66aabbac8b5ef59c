package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.util.List;
import java.util.UUID;

/** What a service is, as the command side needs it when a family is referred to it. */
public record ServiceOffer(UUID serviceId, UUID agencyId, ServiceKind kind, NeedLevel needLevel,
                          List<String> municipalities, boolean withdrawn) {
}
