package fi.perhekeskus.referral.agency;

import org.mapstruct.Mapper;

import java.time.Instant;
import java.util.UUID;

@Mapper
public interface AgencyMapper {

    RegisterAgency toCommand(RegisterAgencyRequest request, UUID agencyId, String requestedBy, Instant requestedAt);
}
