package fi.perhekeskus.referral.directory;

import org.mapstruct.Mapper;

import java.time.Instant;
import java.util.UUID;

@Mapper
public interface ServiceMapper {

    ListService toListCommand(ServiceRequest request, UUID serviceId, String requestedBy, Instant requestedAt);

    UpdateService toUpdateCommand(ServiceRequest request, UUID serviceId, String requestedBy, Instant requestedAt);
}
